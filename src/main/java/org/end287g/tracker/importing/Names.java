package org.end287g.tracker.importing;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/** Text normalisation and closeness for ICE's hand-typed names. */
final class Names {

	private static final Set<String> FILLER = Set.of("county", "parish", "borough", "city", "of", "the", "sheriff",
			"sheriffs", "s", "office", "department", "dept", "police", "pd", "so");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}");

	private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");

	private Names() {
	}

	/**
	 * Trimmed, single-spaced, typographic apostrophes and non-breaking spaces made plain.
	 */
	static String tidy(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		if (isTidy(raw)) {
			return raw;
		}
		String plain = raw.replace('\u00a0', ' ').replace('\u2019', '\'').replace('\u2018', '\'').trim();
		return WHITESPACE.matcher(plain).replaceAll(" ");
	}

	/**
	 * Whether the text is already tidy: no space at either end, no run of white space and
	 * nothing to make plain (the usual cell, checked without a pattern).
	 */
	private static boolean isTidy(String raw) {
		int length = raw.length();
		if (length > 0 && (raw.charAt(0) == ' ' || raw.charAt(length - 1) == ' ')) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = raw.charAt(i);
			boolean doubled = c == ' ' && i > 0 && raw.charAt(i - 1) == ' ';
			if (doubled || (c != ' ' && (c < '!' || c > '~') && !Character.isLetterOrDigit(c))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Lower-case letters and digits separated by single spaces: the identity of a name.
	 */
	static String key(@Nullable String raw) {
		String tidy = tidy(raw);
		StringBuilder key = new StringBuilder(tidy.length());
		boolean gap = false;
		for (int i = 0; i < tidy.length(); i++) {
			char c = tidy.charAt(i);
			if (c >= 0x80) {
				return accentedKey(tidy);
			}
			if (c == '\'') {
				continue;
			}
			char lower = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
			if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
				if (gap && !key.isEmpty()) {
					key.append(' ');
				}
				key.append(lower);
				gap = false;
			}
			else {
				gap = true;
			}
		}
		return key.toString();
	}

	/** {@link #key} of a name with letters beyond ASCII: accents dropped first. */
	private static String accentedKey(String tidy) {
		String plain = MARKS.matcher(Normalizer.normalize(tidy, Normalizer.Form.NFKD)).replaceAll("");
		String lower = plain.toLowerCase(Locale.ROOT).replace("'", "");
		return NOT_KEY.matcher(lower).replaceAll(" ").trim();
	}

	static String letters(@Nullable String raw) {
		return key(raw).replace(" ", "");
	}

	/**
	 * Similarity in [0,1] of two name keys: the words that tell agencies apart (not
	 * County, Police, Office or their typos) nearly equal, or one name's words all in the
	 * other.
	 */
	static double similarity(String a, String b) {
		String coreA = core(a);
		String coreB = core(b);
		double core = (coreA.isEmpty() || coreB.isEmpty()) ? (a.equals(b) ? 1 : 0) : ratio(coreA, coreB);
		return Math.max(core, containment(a, b));
	}

	private static String core(String key) {
		return Arrays.stream(key.split(" ")).filter((word) -> !filler(word)).collect(Collectors.joining(" "));
	}

	private static boolean filler(String word) {
		return FILLER.contains(word)
				|| (word.length() >= 4 && FILLER.stream().anyMatch((f) -> f.length() >= 4 && distance(f, word) <= 1));
	}

	private static double containment(String a, String b) {
		Set<String> wordsA = new java.util.HashSet<>(Arrays.asList(a.split(" ")));
		Set<String> wordsB = new java.util.HashSet<>(Arrays.asList(b.split(" ")));
		Set<String> smaller = (wordsA.size() <= wordsB.size()) ? wordsA : wordsB;
		Set<String> larger = (smaller == wordsA) ? wordsB : wordsA;
		boolean contained = smaller.size() >= 3 && larger.containsAll(smaller);
		return contained ? 0.9 : 0;
	}

	static double ratio(String a, String b) {
		int longest = Math.max(a.length(), b.length());
		return (longest == 0) ? 1 : 1 - (double) distance(a, b) / longest;
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		return LevenshteinDistance.getDefaultInstance().apply(a, b);
	}

	/** {@code nc-gaston-county-sheriffs-office}. */
	static String slug(String state, String name) {
		String words = key(name).replace(' ', '-');
		String slug = state.toLowerCase(Locale.ROOT) + "-" + (words.isEmpty() ? "agency" : words);
		return (slug.length() > 180) ? slug.substring(0, 180) : slug;
	}

}
