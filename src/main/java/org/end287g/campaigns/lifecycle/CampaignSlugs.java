package org.end287g.campaigns.lifecycle;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Readable campaign slugs: {@code nc-gaston-county-sheriffs-office}. */
final class CampaignSlugs {

	static final int MAX = 150;

	private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private CampaignSlugs() {
	}

	/** The slug for an agency's state and name, before any collision suffix. */
	static String of(String state, String name) {
		String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
		String words = ascii.toLowerCase(Locale.ROOT)
			.replace("'", "")
			.replace("\u2019", "")
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+)|(-+$)", "");
		String slug = state.toLowerCase(Locale.ROOT) + (words.isEmpty() ? "-agency" : "-" + words);
		if (slug.length() > MAX) {
			slug = slug.substring(0, MAX).replaceAll("-+$", "");
		}
		return slug;
	}

	/** True for a slug this module could have made; anything else is unknown at once. */
	static boolean plausible(String slug) {
		return slug != null && slug.length() <= MAX + 8 && VALID.matcher(slug).matches();
	}

}
