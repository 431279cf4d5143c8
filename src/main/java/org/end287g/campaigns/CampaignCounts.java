package org.end287g.campaigns;

/**
 * A campaign's count of confirmed, valid signatures, as the public page shows it (at most
 * {@code end287g.campaigns.count-max-age} old).
 */
public interface CampaignCounts {

	long count(long campaignId);

	/**
	 * Confirmed, valid signatures by the referral code of the share link they came by
	 * (the key {@code ""} for none), read from the signatures themselves.
	 */
	java.util.Map<String, Long> byReferral(long campaignId);

}
