package org.end287g.coalitions.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Addresses made of names: lower-case ASCII letters and digits joined by dashes. */
final class Slugs {

	static final int MAX = 80;

	private Slugs() {
	}

	static String of(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX) {
			slug = slug.substring(0, MAX).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "letter" : slug;
	}

	/**
	 * An organization's address: its id, then its name, so a name that changes keeps it.
	 */
	static String organization(long id, String name) {
		return id + "-" + of(name);
	}

	/** The id at the start of an organization's address, or -1. */
	static long organizationId(String slug) {
		int dash = slug.indexOf('-');
		String digits = (dash < 0) ? slug : slug.substring(0, dash);
		if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		return Long.parseLong(digits);
	}

}
