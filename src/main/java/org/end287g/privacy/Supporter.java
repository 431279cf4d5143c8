package org.end287g.privacy;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A supporter as stored, decrypted. */
public record Supporter(long id, String email, @Nullable String name, @Nullable String zip, @Nullable String phone,
		Locale language, Instant createdAt, Instant updatedAt) {

	@Override
	public String toString() {
		// never print personal data into a log by accident
		return "Supporter[id=" + this.id + "]";
	}

}
