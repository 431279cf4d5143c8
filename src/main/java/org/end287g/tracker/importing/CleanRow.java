package org.end287g.tracker.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * A raw row and what it became. {@code state} or {@code model} is null when it could not
 * be resolved; such a row is kept but attached to no agreement.
 */
record CleanRow(RawRow raw, String state, String name, String nameKey, String kind, String countyFips, String model,
		LocalDate signed, String moaUrl, String addendumUrl, List<String> issues) {

	boolean resolvable() {
		return this.state != null && this.model != null && !this.nameKey.isEmpty();
	}

	String agencyKey() {
		return this.state + "|" + this.nameKey;
	}

	String issueText() {
		return this.issues.isEmpty() ? null : String.join(" ", this.issues);
	}

}
