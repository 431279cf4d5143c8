/**
 * How events work: the store, the organisers' and public pages, registration and the
 * waiting line, reminders, check-in and the feeds, hidden because other modules only see
 * events through their pages and feeds, never through calls; the campaign page gets its
 * events through campaigns' {@code CampaignPageContributor}, which
 * {@code CampaignEventsPart} implements.
 */
@org.jspecify.annotations.NullMarked
package org.end287g.events.internal;
