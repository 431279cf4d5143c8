package org.end287g.tracker.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.end287g.tracker.AgencyView;
import org.end287g.tracker.reading.AgencyName;
import org.end287g.tracker.reading.TrackerQueries;

import org.springframework.stereotype.Component;

/**
 * Typo-tolerant agency search: every word of the query must match a word of a name
 * exactly, as a prefix, or within one or two edits. The word index is rebuilt only when
 * the reader hands out a new list of names (a new data version).
 */
@Component
class AgencySearch {

	static final int LIMIT = 20;

	private final TrackerQueries reader;

	private final AtomicReference<Index> index = new AtomicReference<>(new Index(List.of(), List.of()));

	AgencySearch(TrackerQueries reader) {
		this.reader = reader;
	}

	List<AgencyView> find(String query) {
		List<String> words = SearchText.words(query);
		if (words.isEmpty()) {
			return List.of();
		}
		Map<String, Hit> best = new LinkedHashMap<>();
		for (Indexed name : index().names()) {
			int score = score(words, name.words());
			if (score >= 0) {
				best.merge(name.agency().slug(), new Hit(name.agency(), score),
						(a, b) -> (a.score() <= b.score()) ? a : b);
			}
		}
		return best.values()
			.stream()
			.sorted(Comparator.comparingInt(Hit::score).thenComparing((hit) -> hit.agency().name()))
			.limit(LIMIT)
			.map(Hit::agency)
			.toList();
	}

	/** Total edits needed, or -1 when some word of the query matches nothing. */
	static int score(List<String> query, List<String> name) {
		int total = 0;
		for (String word : query) {
			int allowed = (word.length() >= 8) ? 2 : (word.length() >= 4) ? 1 : 0;
			int found = allowed + 1;
			for (String candidate : name) {
				boolean prefix = word.length() >= 3 && candidate.startsWith(word);
				found = Math.min(found, prefix ? 0 : SearchText.distance(word, candidate, allowed));
			}
			if (found > allowed) {
				return -1;
			}
			total += found;
		}
		return total;
	}

	private Index index() {
		List<AgencyName> names = this.reader.agencyNames();
		Index current = this.index.get();
		if (current.source() != names) {
			List<Indexed> indexed = new ArrayList<>(names.size());
			names.forEach((name) -> indexed.add(new Indexed(name.agency(), SearchText.words(name.name()))));
			current = new Index(names, indexed);
			this.index.set(current);
		}
		return current;
	}

	private record Index(List<AgencyName> source, List<Indexed> names) {
	}

	private record Indexed(AgencyView agency, List<String> words) {
	}

	private record Hit(AgencyView agency, int score) {
	}

}
