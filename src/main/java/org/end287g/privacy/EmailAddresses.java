package org.end287g.privacy;

import java.util.Locale;

/** The one place that says when two e-mail addresses are the same person's. */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/** Trimmed and lower-cased. */
	public static String normalize(String email) {
		return (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

}
