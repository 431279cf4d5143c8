package org.end287g.tracker.web;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

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
		return Arrays.stream(plain.split("[^a-z0-9]+")).filter((word) -> !word.isEmpty()).toList();
	}

	/**
	 * Edit distance, giving up (returning {@code limit + 1}) once it exceeds the limit.
	 */
	static int distance(String a, String b, int limit) {
		int distance = new LevenshteinDistance(limit).apply(a, b);
		return (distance < 0) ? limit + 1 : distance;
	}

}
