package org.end287g.campaigns;

import java.time.OffsetDateTime;

/**
 * Published inside the transaction in which staff close a campaign as won (or confirm a
 * possible win): the agency's agreements ended. Modules above campaigns act on it in
 * listeners retried until they complete (impact opens a draft win from it).
 *
 * @param agencySlug the tracker's identity of the agency
 * @param note what staff wrote with the outcome, if anything
 */
public record CampaignWon(long campaignId, String campaignSlug, String agencySlug, OffsetDateTime closedAt,
		@org.jspecify.annotations.Nullable String note) {
}
