package org.end287g.campaigns;

/**
 * A campaign's count of confirmed, valid signatures, as the public page shows it (at most
 * {@code end287g.campaigns.count-max-age} old).
 */
public interface CampaignCounts {

	long count(long campaignId);

}
