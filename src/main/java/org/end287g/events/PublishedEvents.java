package org.end287g.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The events anyone may see (published, or cancelled after publication), for the OSDI
 * API: what their public pages show, the address only when it is public.
 */
public interface PublishedEvents {

	long count();

	/** A page of them, by start, soonest first. */
	List<PublishedEvent> page(int offset, int limit);

	Optional<PublishedEvent> find(String slug);

	/**
	 * One event.
	 *
	 * @param cancelled whether it was cancelled after publication
	 * @param venue the place's name and address, {@code null} online or when not public
	 */
	record PublishedEvent(String slug, String title, String description, Instant start, Instant end, String timeZone,
			boolean cancelled, @Nullable String venue, @Nullable String address, @Nullable String zip,
			@Nullable String state, int capacity, Instant updatedAt, String url) {
	}

}
