package org.end287g.tracker.web;

/** A request parameter the read side cannot accept; shown as a translated 400. */
final class BadTrackerRequest extends RuntimeException {

	private final String messageKey;

	private BadTrackerRequest(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	/** {@code parameter} names the message: error.param.state, error.param.zip ... */
	static BadTrackerRequest invalid(String parameter) {
		return new BadTrackerRequest("error.param." + parameter);
	}

	String messageKey() {
		return this.messageKey;
	}

}
