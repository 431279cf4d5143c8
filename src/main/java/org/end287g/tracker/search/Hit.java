package org.end287g.tracker.search;

import java.util.Comparator;

import org.end287g.places.County;
import org.end287g.tracker.AgencyView;
import org.jspecify.annotations.Nullable;

/**
 * One result with what ranks it: close matches (exact, a prefix, one typo) before fuzzy
 * ones before "every agency of that kind"; then the state named; then fewer edits; then
 * results of the kind of place and agency asked for; then the bigger place; an agency
 * before its county; an agency found by its name before one found through its place; a
 * county agency before a town's.
 */
record Hit(@Nullable AgencyView agency, @Nullable County county, @Nullable String city, int tier, boolean otherState,
		int placeKindsMissed, boolean agencyKindMissed, int size, int kindOrder, boolean byName) {

	/** Tiers: 0 exact, 1 near (a prefix, one typo), 2 fuzzy, 3 generic. */
	static final int FUZZY = 2;

	static final int GENERIC = 3;

	static final Comparator<Hit> BEST_FIRST = Comparator.comparingInt(Hit::group)
		.thenComparing(Hit::otherState)
		.thenComparingInt(Hit::tier)
		.thenComparingInt(Hit::placeKindsMissed)
		.thenComparing(Hit::agencyKindMissed)
		.thenComparing(Comparator.comparingInt(Hit::size).reversed())
		.thenComparingInt(Hit::typeOrder)
		.thenComparing((hit) -> !hit.byName())
		.thenComparingInt(Hit::kindOrder)
		.thenComparing(Hit::name);

	static Hit agency(AgencyView agency, int tier, boolean otherState, int placeKindsMissed, boolean agencyKindMissed,
			int size, int kindOrder, boolean byName) {
		return new Hit(agency, null, null, tier, otherState, placeKindsMissed, agencyKindMissed, size, kindOrder,
				byName);
	}

	static Hit county(County county, @Nullable String city, int tier, boolean otherState, boolean agencyKindMissed,
			int size) {
		return new Hit(null, county, city, tier, otherState, 0, agencyKindMissed, size, 0, true);
	}

	int group() {
		return (this.tier <= 1) ? 0 : (this.tier == FUZZY) ? 1 : 2;
	}

	/** The same agency or county found twice keeps its better rank. */
	String key() {
		return (this.agency != null) ? "a:" + this.agency.slug() : "c:" + name();
	}

	/** The state of the agency or county. */
	String state() {
		if (this.agency != null) {
			return this.agency.state();
		}
		return (this.county != null) ? this.county.stateCode() : "";
	}

	int typeOrder() {
		return (this.agency != null) ? 0 : 1;
	}

	String name() {
		if (this.agency != null) {
			return this.agency.name();
		}
		return (this.county != null) ? this.county.fips() : "";
	}

}
