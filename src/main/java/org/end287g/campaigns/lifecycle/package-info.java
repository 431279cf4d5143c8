/**
 * A campaign's life from creation to close: the {@code campaigns} table behind
 * {@code Campaigns}, creation for every agency with an ACTIVE or PENDING agreement, the
 * status transitions, possible wins after imports, and the staff pages that set the
 * target's contacts and close a campaign as won or lost.
 * <p>
 * Why a package of its own: the status of a campaign changes from three places (the goal
 * reached while signing, an import, staff), and each change is a conditional UPDATE that
 * must decide alone which instance wins. Keeping the store and every transition together
 * ({@code CampaignLifecycle}) makes the allowed moves readable in one file. Only
 * {@code CampaignLifecycle} is public, for signing's goal check and delivery's note
 * length.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.campaigns.lifecycle;
