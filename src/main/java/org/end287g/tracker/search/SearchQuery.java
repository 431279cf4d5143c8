package org.end287g.tracker.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.places.Places;
import org.end287g.places.State;
import org.jspecify.annotations.Nullable;

/**
 * What a query asks for: a ZIP code (with or without its four extra digits), a state
 * alone, or names read in up to three ways (as typed, with a state at the end, with a
 * state at the start).
 */
record SearchQuery(List<String> plain, @Nullable String zip, @Nullable State state, List<Meaning> meanings) {

	/** A query of more words is refused: the work per query stays bounded. */
	static final int MAX_WORDS = 12;

	private static final Pattern ZIP = Pattern
		.compile("^(?:(.*?)[\\s,]+)?(\\d{5})(?:\\s*-\\s*\\d{4}|\\s+\\d{4})?\\s*$");

	// "Carolina del Norte", "Islas Marianas del Norte": no longer name of a state.
	private static final int STATE_WORDS = 4;

	static SearchQuery read(String text, Places places) {
		String stripped = text.strip();
		Matcher zip = ZIP.matcher(stripped);
		if (zip.matches() && (zip.group(1) == null || places.zip(zip.group(2)).isPresent())) {
			return new SearchQuery(List.of(), zip.group(2), null, List.of());
		}
		List<String> plain = SearchWords.plain(stripped);
		if (plain.size() > MAX_WORDS) {
			return new SearchQuery(plain, null, null, List.of());
		}
		Optional<State> whole = (plain.size() <= STATE_WORDS) ? places.stateNamed(String.join(" ", plain))
				: Optional.empty();
		if (whole.isPresent()) {
			return new SearchQuery(plain, null, whole.get(), List.of());
		}
		List<Meaning> meanings = new ArrayList<>();
		if (!plain.isEmpty()) {
			meanings.add(Meaning.of(plain, null));
		}
		for (int words = Math.min(STATE_WORDS, plain.size() - 1); words >= 1; words--) {
			Optional<State> last = places
				.stateNamed(String.join(" ", plain.subList(plain.size() - words, plain.size())));
			if (last.isPresent()) {
				meanings.add(Meaning.of(plain.subList(0, plain.size() - words), last.get().code()));
				break;
			}
		}
		for (int words = Math.min(STATE_WORDS, plain.size() - 1); words >= 1; words--) {
			Optional<State> first = places.stateNamed(String.join(" ", plain.subList(0, words)));
			if (first.isPresent()) {
				meanings.add(Meaning.of(plain.subList(words, plain.size()), first.get().code()));
				break;
			}
		}
		return new SearchQuery(plain, null, null, List.copyOf(meanings));
	}

}
