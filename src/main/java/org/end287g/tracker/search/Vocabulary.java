package org.end287g.tracker.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct word of the agencies' names, numbered. A typed word is compared with
 * each of them once per search: exactly (cost 0), as the start of a longer word (1), or
 * within the typos its length allows (the number of edits). Kinds ("county", "police")
 * match only exactly: "Paris" is not the start of "Parish".
 */
final class Vocabulary {

	static final int NO_MATCH = 100;

	private final Map<String, Integer> ids = new HashMap<>();

	private final List<String> words = new ArrayList<>();

	/** Only while the index is built, by one thread. */
	int[] ids(List<String> words) {
		int[] numbers = new int[words.size()];
		for (int i = 0; i < numbers.length; i++) {
			String word = words.get(i);
			numbers[i] = this.ids.computeIfAbsent(word, (w) -> {
				this.words.add(w);
				return this.words.size() - 1;
			});
		}
		return numbers;
	}

	/** The cost of the typed word against every word of the vocabulary. */
	int[] costs(String typed) {
		int[] costs = new int[this.words.size()];
		Arrays.fill(costs, NO_MATCH);
		Integer exact = this.ids.get(typed);
		if (exact != null) {
			costs[exact] = 0;
		}
		if (SearchWords.isKind(typed)) {
			return costs;
		}
		int allowed = SearchWords.allowedEdits(typed);
		for (int id = 0; id < costs.length; id++) {
			String word = this.words.get(id);
			if ((exact != null && exact == id) || SearchWords.isKind(word)) {
				continue;
			}
			if (typed.length() >= 3 && word.startsWith(typed)) {
				costs[id] = 1;
			}
			else if (allowed > 0) {
				int edits = SearchWords.distance(typed, word, allowed);
				costs[id] = (edits <= allowed) ? edits : NO_MATCH;
			}
		}
		return costs;
	}

}
