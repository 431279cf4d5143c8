package org.end287g.tracker.web;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The words of a name or a query, compared without case, accents or punctuation. */
final class SearchText {

	private SearchText() {
	}

	static List<String> words(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace("'", "")
			.replace("\u2019", "");
		return Arrays.stream(plain.split("[^a-z0-9]+")).filter(word -> !word.isEmpty()).toList();
	}

	/**
	 * Edit distance, giving up (returning {@code limit + 1}) once it exceeds the limit.
	 */
	static int distance(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) > limit) {
			return limit + 1;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int best = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				best = Math.min(best, current[j]);
			}
			if (best > limit) {
				return limit + 1;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return Math.min(previous[b.length()], limit + 1);
	}

}
