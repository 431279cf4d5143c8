package org.end287g.tracker.importing;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/** Text normalisation and closeness for ICE's hand-typed names. */
final class Names {

	private static final Set<String> FILLER = Set.of("county", "parish", "borough", "city", "of", "the", "sheriff",
			"sheriffs", "s", "office", "department", "dept", "police", "pd", "so");

	private Names() {
	}

	/**
	 * Trimmed, single-spaced, typographic apostrophes and non-breaking spaces made plain.
	 */
	static String tidy(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		return raw.replace('\u00a0', ' ')
			.replace('\u2019', '\'')
			.replace('\u2018', '\'')
			.trim()
			.replaceAll("\\s+", " ");
	}

	/**
	 * Lower-case letters and digits separated by single spaces: the identity of a name.
	 */
	static String key(@Nullable String raw) {
		String plain = Normalizer.normalize(tidy(raw), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", " ").trim();
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
