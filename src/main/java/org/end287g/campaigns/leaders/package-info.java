/**
 * Campaign leaders: "become a leader" requests (confirmation, staff approval), the
 * leader's dashboard (petition, goal, deadline, training checklist) and the updates
 * leaders mail to supporters.
 * <p>
 * Why a package of its own: leaders are a feature with their own people, pages, mails and
 * personal data ({@code leader_applications}); they use the rest of the module only
 * through its public types (the campaign page's views, the count, the subscribers) and
 * nothing else reaches into them, so they stay package-private as a whole.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.campaigns.leaders;
