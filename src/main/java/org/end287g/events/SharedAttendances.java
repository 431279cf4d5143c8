package org.end287g.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The registrations (not cancelled, not anonymized) whose people ticked "share my name,
 * e-mail and ZIP code with" an organization, and nothing else: what that organization may
 * read as OSDI attendances (the osdi module's API and webhooks). Personal data is opened
 * from its sealed columns only here.
 */
public interface SharedAttendances {

	/** How many attendances this organization may see, of one event or of all. */
	long count(long organizationId, @Nullable Long eventId);

	/** A page of them, newest first. */
	List<SharedAttendance> page(long organizationId, @Nullable Long eventId, int offset, int limit);

	/** One of them; empty when the organization may not see it. */
	Optional<SharedAttendance> find(long organizationId, long registrationId);

	/** Those registered at or after this moment, oldest first, by id and time only. */
	List<Registered> registeredSince(long organizationId, OffsetDateTime since, int limit);

	/** The id of a published (or cancelled) event, by its address. */
	Optional<Long> eventId(String slug);

	/** A shared registration's id and when it was made. */
	record Registered(long id, OffsetDateTime at) {
	}

	/**
	 * One shared registration.
	 *
	 * @param status OSDI's status: {@code accepted}, {@code waiting}, {@code attended}
	 */
	record SharedAttendance(long id, String eventSlug, String name, @Nullable String email, String zip, String status,
			OffsetDateTime createdAt) {

		@Override
		public String toString() {
			return "SharedAttendance[" + this.id + "]";
		}

	}

}
