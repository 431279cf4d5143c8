package org.end287g.accounts.internal;

import org.jspecify.annotations.Nullable;

/**
 * Numbers typed into addresses and forms (an organization, a grant, a campaign, a page):
 * a positive whole number, or {@code null} for anything else.
 */
final class Ids {

	private Ids() {
	}

	static @Nullable Long parse(@Nullable String value) {
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
