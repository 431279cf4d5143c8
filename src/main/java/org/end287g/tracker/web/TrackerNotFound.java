package org.end287g.tracker.web;

/** Something a visitor asked for by name does not exist; shown as a translated 404. */
final class TrackerNotFound extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	private TrackerNotFound(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	static TrackerNotFound state(String code) {
		return new TrackerNotFound("error.state.unknown", code);
	}

	static TrackerNotFound agency(String slug) {
		return new TrackerNotFound("error.agency.unknown", slug);
	}

	static TrackerNotFound zip(String zip) {
		return new TrackerNotFound("error.zip.unknown", zip);
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}
