package org.end287g.tracker.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every distinct word of the agencies' names, numbered. A typed word is compared with
 * each of them once per search: exactly (cost 0), as the start of a longer word (1), or
 * within the typos its length allows (the number of edits). Kinds ("county", "police")
 * match only exactly: "Paris" is not the start of "Parish".
 */
final class Vocabulary {

	static final byte NO_MATCH = 100;

	/** Typed words whose costs are kept (a byte per word of the vocabulary each). */
	private static final int MAX_KNOWN = 4_096;

	private final Map<String, Integer> ids = new HashMap<>();

	private final List<String> words = new ArrayList<>();

	private final Map<String, byte[]> known = new ConcurrentHashMap<>();

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

	/**
	 * The cost of the typed word against every word of the vocabulary, kept for the next
	 * query that types it.
	 */
	byte[] costs(String typed) {
		byte[] costs = this.known.get(typed);
		if (costs == null) {
			costs = compare(typed);
			if (this.known.size() >= MAX_KNOWN) {
				this.known.clear();
			}
			this.known.put(typed, costs);
		}
		return costs;
	}

	private byte[] compare(String typed) {
		byte[] costs = new byte[this.words.size()];
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
			else if (allowed > 0 && Math.abs(typed.length() - word.length()) <= allowed) {
				int edits = SearchWords.distance(typed, word, allowed);
				costs[id] = (edits <= allowed) ? (byte) edits : NO_MATCH;
			}
		}
		return costs;
	}

}
