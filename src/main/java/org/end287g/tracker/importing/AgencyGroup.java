package org.end287g.tracker.importing;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The rows of one agency in one sheet, reduced to what a rename must preserve: state,
 * county, kind, models and signing dates.
 */
record AgencyGroup(long agencyId, String state, String nameKey, String name, @Nullable String countyFips, String kind,
		Set<String> models, Set<LocalDate> signed) {

	AgencyGroup(long agencyId, String state, String nameKey, String name, @Nullable String countyFips, String kind) {
		this(agencyId, state, nameKey, name, countyFips, kind, new TreeSet<>(), new TreeSet<>());
	}

	private static final double RENAME_SIMILARITY = 0.85;

	/** Whether this group (under a new name) is the same agency as the other one. */
	boolean sameAgencyAs(AgencyGroup other, boolean compareSigned) {
		return this.state.equals(other.state) && Objects.equals(this.countyFips, other.countyFips)
				&& this.kind.equals(other.kind) && this.models.equals(other.models)
				&& (!compareSigned || this.signed.equals(other.signed))
				&& Names.similarity(this.nameKey, other.nameKey) >= RENAME_SIMILARITY;
	}

}
