package org.end287g.events.internal;

import org.end287g.problems.Problem;

import org.springframework.stereotype.Component;

/** The events anyone may open by their address: published or cancelled, never drafts. */
@Component
class PublicEvents {

	private final EventStore store;

	PublicEvents(EventStore store) {
		this.store = store;
	}

	/** The event at this address, else a 404. */
	Event bySlug(String slug) {
		Event event = this.store.bySlug(slug).orElseThrow(() -> Problem.notFound("events.error.unknown"));
		if (event.status() == Event.Status.DRAFT) {
			throw Problem.notFound("events.error.unknown");
		}
		return event;
	}

}
