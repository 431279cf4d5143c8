package org.end287g.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

/** The one place that says when two e-mail addresses are the same person's. */
public final class EmailAddresses {

	/** RFC 5321 limit for a whole address. */
	public static final int MAX_LENGTH = 254;

	/**
	 * The HTML "valid e-mail address" rule (what browsers check in type="email"), with a
	 * dot required in the domain: a local part of printable characters without spaces,
	 * quotes, angle brackets or commas, then a host name.
	 */
	private static final Pattern VALID = Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}"
			+ "@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

	private EmailAddresses() {
	}

	/** Trimmed and lower-cased. */
	public static String normalize(String email) {
		return (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/** Whether the address, once normalised, is one we can send mail to. */
	public static boolean isValid(String email) {
		String normalized = normalize(email);
		return normalized.length() <= MAX_LENGTH && VALID.matcher(normalized).matches();
	}

}
