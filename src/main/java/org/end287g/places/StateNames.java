package org.end287g.places;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** States by code, FIPS or name, exactly or with one typo in the name. */
final class StateNames {

	private final List<State> all;

	private final Map<String, State> byKey = new HashMap<>();

	private final Map<String, State> byAlias = new HashMap<>();

	StateNames(List<State> states) {
		this.all = List.copyOf(states);
		for (State state : states) {
			this.byKey.put(state.code().toLowerCase(Locale.ROOT), state);
			this.byKey.put(state.fips(), state);
			this.byKey.put(NameKeys.compact(NameKeys.words(state.name())), state);
		}
		StateAliases.CODE_BY_ALIAS.forEach((alias, code) -> {
			State state = this.byKey.get(code.toLowerCase(Locale.ROOT));
			if (state != null) {
				this.byAlias.put(NameKeys.compact(alias), state);
			}
		});
	}

	List<State> all() {
		return this.all;
	}

	Optional<State> exact(@Nullable String codeFipsOrName) {
		if (codeFipsOrName == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.byKey.get(NameKeys.compact(NameKeys.words(codeFipsOrName))));
	}

	/** Also by a Spanish name or an abbreviation such as "N.C." or "Calif.". */
	Optional<State> named(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = NameKeys.compact(NameKeys.words(text));
		State state = this.byKey.get(key);
		return Optional.ofNullable((state != null) ? state : this.byAlias.get(key));
	}

	Optional<State> match(@Nullable String rawName) {
		Optional<State> exact = exact(rawName);
		if (exact.isPresent() || rawName == null) {
			return exact;
		}
		String key = NameKeys.compact(NameKeys.words(rawName));
		// Codes are two letters: one edit away from dozens of others, so only names get
		// typos.
		List<State> close = this.all.stream()
			.filter((s) -> NameKeys.withinOneEdit(key, NameKeys.compact(NameKeys.words(s.name()))))
			.toList();
		return (close.size() == 1) ? Optional.of(close.get(0)) : Optional.empty();
	}

}
