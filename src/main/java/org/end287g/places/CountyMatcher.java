package org.end287g.places;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Finds one county of one state by the way a spreadsheet spells it. Tries, in order: the
 * exact name with its suffix ("Richmond city" is not "Richmond County"), the name with or
 * without its suffix, then one typo; each tier must give exactly one county.
 */
final class CountyMatcher {

	// One edit in a very short name turns it into another real name too often
	// ("Lee"/"Lea").
	static final int SHORTEST_KEY_FOR_TYPOS = 5;

	private final List<Entry> entries;

	private CountyMatcher(List<Entry> entries) {
		this.entries = entries;
	}

	static CountyMatcher of(List<County> counties) {
		return new CountyMatcher(counties.stream().map(Entry::of).toList());
	}

	Optional<County> match(String rawName) {
		CountyKeys wanted = CountyKeys.of(rawName);
		if (wanted.full().isEmpty()) {
			return Optional.empty();
		}
		Optional<County> exact = unique(wanted, (a, b) -> a.full().equals(b.full()));
		if (exact.isPresent()) {
			return exact;
		}
		Optional<County> loose = unique(wanted, (a, b) -> a.sharesKeyWith(b, String::equals));
		if (loose.isPresent() || wanted.base().length() < SHORTEST_KEY_FOR_TYPOS) {
			return loose;
		}
		return unique(wanted, (a, b) -> a.sharesKeyWith(b, NameKeys::withinOneEdit));
	}

	private Optional<County> unique(CountyKeys wanted, BiPredicate<CountyKeys, CountyKeys> test) {
		Set<County> found = new LinkedHashSet<>();
		for (Entry entry : this.entries) {
			if (test.test(wanted, entry.keys())) {
				found.add(entry.county());
			}
		}
		return (found.size() == 1) ? Optional.of(found.iterator().next()) : Optional.empty();
	}

	/** A county with the keys of its name. */
	private record Entry(CountyKeys keys, County county) {

		static Entry of(County county) {
			return new Entry(CountyKeys.of(county.name()), county);
		}

	}

}
