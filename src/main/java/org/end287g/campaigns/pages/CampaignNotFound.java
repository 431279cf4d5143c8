package org.end287g.campaigns.pages;

/** A campaign or state a visitor asked for does not exist; a translated 404. */
public final class CampaignNotFound extends RuntimeException {

	public CampaignNotFound() {
		super("campaign not found");
	}

}
