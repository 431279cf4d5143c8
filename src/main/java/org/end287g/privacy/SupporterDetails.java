package org.end287g.privacy;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a form may collect about a supporter: nothing more. Every field but the e-mail
 * address is optional; a form asks only for what it needs and says why.
 *
 * @param email the address that identifies the person (required)
 * @param name how the person wants to be named, may be {@code null}
 * @param zip a five-digit ZIP code, to count supporters per county, may be {@code null}
 * @param phone for text reminders the person asked for, may be {@code null}
 * @param language the language the person reads (English or Spanish), English when
 * {@code null}
 */
public record SupporterDetails(String email, @Nullable String name, @Nullable String zip, @Nullable String phone,
		@Nullable Locale language) {

	public static SupporterDetails of(String email, Locale language) {
		return new SupporterDetails(email, null, null, null, language);
	}

}
