package org.end287g.accounts.internal;

import java.util.Set;
import java.util.regex.Pattern;

import org.end287g.privacy.EmailAddresses;

/**
 * The rules every accounts form applies to its text, as message keys of the error (or
 * {@code null} when the value is fine). Values are bound as SQL parameters and escaped
 * when rendered, so script and SQL in a name are harmless text; only addresses, numbers
 * and choices are strict.
 */
final class Fields {

	public static final int MAX_EMAIL = EmailAddresses.MAX_LENGTH;

	public static final int MAX_NAME = 100;

	public static final int MAX_ORGANIZATION = 200;

	public static final Set<String> LANGUAGES = Set.of("en", "es");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	private Fields() {
	}

	public static String email(String value) {
		String email = (value == null) ? "" : value.strip();
		if (email.isEmpty()) {
			return "accounts.error.email.required";
		}
		if (email.length() > MAX_EMAIL) {
			return "accounts.error.email.long";
		}
		// the one rule every form and the outbox share
		if (!EmailAddresses.isValid(email)) {
			return "accounts.error.email.malformed";
		}
		return null;
	}

	public static String name(String value) {
		return text(value, MAX_NAME, "accounts.error.name");
	}

	public static String organizationName(String value) {
		return text(value, MAX_ORGANIZATION, "accounts.error.organization.name");
	}

	public static String language(String value) {
		return (value != null && LANGUAGES.contains(value)) ? null : "accounts.error.language";
	}

	private static String text(String value, int max, String key) {
		String text = (value == null) ? "" : value.strip();
		if (text.isEmpty()) {
			return key + ".required";
		}
		if (text.length() > max) {
			return key + ".long";
		}
		if (CONTROL.matcher(text).find()) {
			return key + ".malformed";
		}
		return null;
	}

	/** A positive whole number, or {@code null} when the text is not one. */
	public static Long id(String value) {
		if (value == null || value.isBlank() || value.strip().length() > 18) {
			return null;
		}
		try {
			long id = Long.parseLong(value.strip());
			return (id > 0) ? id : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
