package org.end287g.privacy;

import java.time.Instant;
import java.util.Locale;

/** A supporter as stored, decrypted. */
public record Supporter(long id, String email, String name, String zip, String phone, Locale language,
		Instant createdAt, Instant updatedAt) {

	@Override
	public String toString() {
		// never print personal data into a log by accident
		return "Supporter[id=" + this.id + "]";
	}

}
