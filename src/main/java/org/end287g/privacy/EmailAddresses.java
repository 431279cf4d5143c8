package org.end287g.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

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

	/** Trimmed and lower-cased; empty for {@code null}. */
	public static String normalize(@Nullable String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * The person behind an address, for "one signature per person": the
	 * {@linkplain #normalize normalised} address, and for Gmail (gmail.com and
	 * googlemail.com, which deliver to the same mailbox) the local part without dots and
	 * without a +tag, under gmail.com. Other domains keep dots and +tags: whether they
	 * reach the same mailbox is the domain's own rule, so only case is ignored.
	 */
	public static String identity(@Nullable String email) {
		String normalized = normalize(email);
		int at = normalized.lastIndexOf('@');
		if (at <= 0) {
			return normalized;
		}
		String domain = normalized.substring(at + 1);
		if (!"gmail.com".equals(domain) && !"googlemail.com".equals(domain)) {
			return normalized;
		}
		String local = normalized.substring(0, at);
		int plus = local.indexOf('+');
		if (plus >= 0) {
			local = local.substring(0, plus);
		}
		return local.replace(".", "") + "@gmail.com";
	}

	/** The domain of an address, normalised; empty when there is none. */
	public static String domain(@Nullable String email) {
		String normalized = normalize(email);
		int at = normalized.lastIndexOf('@');
		return (at < 0) ? "" : normalized.substring(at + 1);
	}

	/** Whether the address, once normalised, is one we can send mail to. */
	public static boolean isValid(@Nullable String email) {
		String normalized = normalize(email);
		return normalized.length() <= MAX_LENGTH && VALID.matcher(normalized).matches();
	}

}
