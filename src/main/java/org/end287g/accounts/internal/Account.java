package org.end287g.accounts.internal;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An account with its e-mail address and name decrypted ({@code null} once forgotten).
 */
record Account(String id, @Nullable String email, @Nullable String name, String language, OffsetDateTime createdAt,
		@Nullable OffsetDateTime lastSignInAt, @Nullable OffsetDateTime disabledAt) {

	/** The longest name an account may have. */
	static final int MAX_NAME = 100;

	/** The languages an account may choose, as a pattern of their tags. */
	static final String LANGUAGES = "en|es";

	public boolean active() {
		return this.disabledAt == null;
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

}
