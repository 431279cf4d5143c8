package org.end287g.places;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/** Turns place names into comparison keys and measures how far two keys are apart. */
final class NameKeys {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	// Longest first, so "city and borough" wins over "borough".
	private static final List<String> SUFFIXES = List.of(" city and borough", " census area", " municipality",
			" municipio", " borough", " county", " parish", " city");

	private NameKeys() {
	}

	/**
	 * Lower case, no accents or apostrophes; other punctuation and spacing become one
	 * space.
	 */
	static String words(String raw) {
		String plain = isAscii(raw) ? raw
				: MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
		StringBuilder words = new StringBuilder(plain.length());
		boolean gap = false;
		for (int i = 0; i < plain.length(); i++) {
			char c = Character.toLowerCase(plain.charAt(i));
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				words.append((gap && !words.isEmpty()) ? " " : "").append(c);
				gap = false;
			}
			else if (c != '\'' && c != '\u2019') {
				gap = true;
			}
		}
		return words.toString();
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 128) {
				return false;
			}
		}
		return true;
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
		return shorter.regionMatches(start + skip, longer, start + 1, shorter.length() - start - skip);
	}

}
