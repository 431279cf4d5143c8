package org.end287g.events.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A registration, decrypted; personal values are {@code null} once the person was
 * forgotten.
 */
record Registration(long id, long eventId, @Nullable String email, @Nullable String name, @Nullable String zip,
		@Nullable String phone, List<String> answers, Locale language, Status status, String code, Instant createdAt,
		@Nullable Instant checkedInAt) {

	enum Status {

		REGISTERED, WAITING, CANCELLED

	}

	@Override
	public String toString() {
		return "Registration[id=" + this.id + "]";
	}

}
