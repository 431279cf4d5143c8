package org.end287g.campaigns.internal;

/** A campaign or state a visitor asked for does not exist; a translated 404. */
final class CampaignNotFound extends RuntimeException {

	CampaignNotFound() {
		super("campaign not found");
	}

}
