package org.end287g.campaigns.internal;

/** A request parameter the campaign pages cannot accept; a translated 400. */
final class BadCampaignRequest extends RuntimeException {

	private final String messageKey;

	BadCampaignRequest(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return this.messageKey;
	}

}
