/**
 * The public campaign pages: one page per campaign (filled by every
 * {@code CampaignPageContributor}), the lists by state, near a ZIP code and by filter,
 * and their JSON.
 * <p>
 * Why a package of its own: this is what every visitor reads, and what the other packages
 * build their pages on. It therefore also holds {@code CampaignViews} (a campaign joined
 * with the tracker's data), public because all of them use it. The rest is
 * package-private.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.campaigns.pages;
