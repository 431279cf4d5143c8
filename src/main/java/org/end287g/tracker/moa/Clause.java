package org.end287g.tracker.moa;

import java.util.Optional;

/**
 * The clauses organisers look for first in an MOA, each found by a keyword (folded as
 * {@link SearchText} folds pages): who honours ICE's detainers, the 48 hours, who pays,
 * and how the agreement ends.
 */
public enum Clause {

	DETAINERS("detainer"), HOURS48("48 hours"), COSTS("cost"), TERMINATE("terminat");

	private final String keyword;

	Clause(String keyword) {
		this.keyword = keyword;
	}

	public String keyword() {
		return this.keyword;
	}

	/** The clause a search is about, when its words and a clause's keyword overlap. */
	static Optional<Clause> of(String foldedQuery) {
		for (Clause clause : values()) {
			if (foldedQuery.contains(clause.keyword) || clause.keyword.contains(foldedQuery)) {
				return Optional.of(clause);
			}
		}
		return Optional.empty();
	}

}
