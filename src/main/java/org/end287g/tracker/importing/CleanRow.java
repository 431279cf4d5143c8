package org.end287g.tracker.importing;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A raw row and what it became. {@code state} or {@code model} is null when it could not
 * be resolved; such a row is kept but attached to no agreement.
 */
record CleanRow(RawRow raw, @Nullable String state, String name, String nameKey, String kind,
		@Nullable String countyFips, @Nullable String model, @Nullable LocalDate signed, @Nullable String moaUrl,
		@Nullable String addendumUrl, List<String> issues, String agencyKey) {

	/**
	 * The row, with the key of its agency (state and name key) made once: the resolver
	 * asks for it several times a row.
	 */
	CleanRow(RawRow raw, @Nullable String state, String name, String nameKey, String kind, @Nullable String countyFips,
			@Nullable String model, @Nullable LocalDate signed, @Nullable String moaUrl, @Nullable String addendumUrl,
			List<String> issues) {
		this(raw, state, name, nameKey, kind, countyFips, model, signed, moaUrl, addendumUrl, issues,
				state + "|" + nameKey);
	}

	boolean resolvable() {
		return this.state != null && this.model != null && !this.nameKey.isEmpty();
	}

	/**
	 * The issues as one text, or {@code null} when there is none (the column stays
	 * empty).
	 */
	@Nullable String issueText() {
		return this.issues.isEmpty() ? null : String.join(" ", this.issues);
	}

}
