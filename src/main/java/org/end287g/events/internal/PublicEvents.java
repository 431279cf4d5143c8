package org.end287g.events.internal;

import org.springframework.stereotype.Component;

/** The events anyone may open by their address: published or cancelled, never drafts. */
@Component
class PublicEvents {

	private final EventStore store;

	PublicEvents(EventStore store) {
		this.store = store;
	}

	/** The event at this address, else {@link EventNotFound} (a 404). */
	Event bySlug(String slug) {
		Event event = this.store.bySlug(slug).orElseThrow(EventNotFound::new);
		if (event.status() == Event.Status.DRAFT) {
			throw new EventNotFound();
		}
		return event;
	}

}
