package org.end287g.campaigns.pages;

/** A request parameter the campaign pages cannot accept; a translated 400. */
public final class BadCampaignRequest extends RuntimeException {

	private final String messageKey;

	public BadCampaignRequest(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
