package org.end287g.places;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns place names into comparison keys and measures how far two keys are apart. */
final class NameKeys {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9 ]+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	// Longest first, so "city and borough" wins over "borough".
	private static final List<String> SUFFIXES = List.of(" city and borough", " census area", " municipality",
			" municipio", " borough", " county", " parish", " city");

	private NameKeys() {
	}

	/** Lower case, no accents, apostrophes or dots; other punctuation becomes a space. */
	static String words(String raw) {
		String plain = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
		String lower = plain.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "").replace(".", " ");
		String spaced = NOT_ALPHANUMERIC.matcher(lower).replaceAll(" ");
		return SPACES.matcher(spaced).replaceAll(" ").strip();
	}

	/**
	 * "City of Richmond" as the Census writes it: "Richmond city" (same for County of).
	 */
	static String suffixLast(String words) {
		for (String prefix : List.of("city of ", "county of ")) {
			if (words.startsWith(prefix) && words.length() > prefix.length()) {
				return words.substring(prefix.length()) + " " + prefix.substring(0, prefix.length() - 4);
			}
		}
		return words;
	}

	/**
	 * Words with "St"/"Ste" spelled out, then spaces dropped ("De Kalb" equals "DeKalb").
	 */
	static String compact(String words) {
		String spelled = (" " + words + " ").replace(" st ", " saint ").replace(" ste ", " sainte ");
		return spelled.replace(" ", "");
	}

	/**
	 * The words without one trailing County, Parish, Borough, city... (unchanged if
	 * none).
	 */
	static String withoutSuffix(String words) {
		for (String suffix : SUFFIXES) {
			if (words.endsWith(suffix) && words.length() > suffix.length()) {
				return words.substring(0, words.length() - suffix.length());
			}
		}
		return words;
	}

	/**
	 * True when the strings differ by at most one insertion, deletion or substitution.
	 */
	static boolean withinOneEdit(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 1) {
			return false;
		}
		String shorter = (a.length() <= b.length()) ? a : b;
		String longer = (shorter == a) ? b : a;
		int start = 0;
		while (start < shorter.length() && shorter.charAt(start) == longer.charAt(start)) {
			start++;
		}
		if (start == shorter.length()) {
			return true;
		}
		int skip = (shorter.length() == longer.length()) ? 1 : 0;
		return shorter.substring(start + skip).equals(longer.substring(start + 1));
	}

}
