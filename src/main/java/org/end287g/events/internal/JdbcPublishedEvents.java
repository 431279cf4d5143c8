package org.end287g.events.internal;

import java.util.List;
import java.util.Optional;

import org.end287g.events.PublishedEvents;

import org.springframework.stereotype.Component;

/** The published events, from the store, as their public pages show them. */
@Component
class JdbcPublishedEvents implements PublishedEvents {

	private final EventStore store;

	private final EventViews views;

	JdbcPublishedEvents(EventStore store, EventViews views) {
		this.store = store;
		this.views = views;
	}

	@Override
	public long count() {
		return this.store.countPublished();
	}

	@Override
	public List<PublishedEvent> page(int offset, int limit) {
		return this.store.published(offset, limit).stream().map(this::published).toList();
	}

	@Override
	public Optional<PublishedEvent> find(String slug) {
		return this.store.bySlug(slug)
			.filter((event) -> event.status() == Event.Status.PUBLISHED || event.status() == Event.Status.CANCELLED)
			.map(this::published);
	}

	private PublishedEvent published(Event event) {
		boolean shown = event.kind().inPerson() && event.addressPublic();
		return new PublishedEvent(event.slug(), event.titleEn(), event.descriptionEn(), event.start(), event.end(),
				event.zone().getId(), event.status() == Event.Status.CANCELLED, shown ? event.venue() : null,
				shown ? event.address() : null, shown ? event.zip() : null,
				event.kind().inPerson() ? event.state() : null, event.capacity(), event.updatedAt(),
				this.views.url(event));
	}

}
