package org.end287g.events.internal;

/** An unknown event, a draft for the public, or one outside the person's scope: 404. */
final class EventNotFound extends RuntimeException {

	EventNotFound() {
		super("event not found");
	}

}
