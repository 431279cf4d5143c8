package org.end287g.tracker.search;

import java.util.ArrayList;
import java.util.List;

import org.end287g.places.NamedPlace;
import org.end287g.places.Places;
import org.jspecify.annotations.Nullable;

/**
 * Finds the results of one query, meaning by meaning: agencies by their names, and places
 * by name with the agencies that serve them. Lives for one search.
 */
final class Ranking {

	/** Places of one name searched at most (the biggest first). */
	static final int PLACES_PER_NAME = 20;

	private final AgencyIndex index;

	private final Places places;

	Ranking(AgencyIndex index, Places places) {
		this.index = index;
		this.places = places;
	}

	List<Hit> hits(Meaning meaning) {
		List<Hit> hits = new ArrayList<>();
		if (meaning.blank()) {
			return hits;
		}
		Typed typed = typed(meaning);
		byName(meaning, typed, hits);
		if (!meaning.generic()) {
			byPlace(meaning, typed, placesNamed(meaning), 0, hits);
		}
		return hits;
	}

	/**
	 * When nothing matched: places named exactly by any one word ("Charlotte-Mecklenburg
	 * PD"), ranked as fuzzy matches.
	 */
	List<Hit> anyWord(Meaning meaning) {
		List<Hit> hits = new ArrayList<>();
		for (String word : meaning.core()) {
			if (word.length() >= 3) {
				byPlace(meaning, typed(meaning), exactly(this.places.placesNamed(word)), Hit.FUZZY, hits);
			}
		}
		return hits;
	}

	private void byName(Meaning meaning, Typed typed, List<Hit> hits) {
		for (AgencyIndex.Entry entry : this.index.entries()) {
			Match best = null;
			for (int[] name : entry.names()) {
				Match match = match(name, typed);
				if (match != null && (best == null || match.betterThan(best))) {
					best = match;
				}
			}
			if (best != null && (!meaning.generic() || best.complete())) {
				int tier = meaning.generic() ? Hit.GENERIC : Math.min(best.cost(), Hit.FUZZY);
				hits.add(Hit.agency(entry.agency(), tier, otherState(meaning, entry.agency().state()),
						best.placeKindsMissed(), best.agencyKindMissed(), entry.size(), entry.kindOrder(), true));
			}
		}
	}

	/** Places by the name as typed, else by the words that name something. */
	private List<NamedPlace> placesNamed(Meaning meaning) {
		List<NamedPlace> named = this.places.placesNamed(meaning.placeName());
		if (named.isEmpty() && !meaning.coreName().equals(meaning.placeName()) && !meaning.coreName().isEmpty()) {
			named = this.places.placesNamed(meaning.coreName())
				.stream()
				.filter((place) -> !meaning.asksForCounty() || place.city() == null)
				.toList();
		}
		return named;
	}

	private static List<NamedPlace> exactly(List<NamedPlace> named) {
		return named.stream().filter((place) -> place.edits() == 0).toList();
	}

	private void byPlace(Meaning meaning, Typed typed, List<NamedPlace> named, int penalty, List<Hit> hits) {
		boolean agencyKinds = !meaning.agencyKinds().isEmpty();
		for (NamedPlace place : named.subList(0, Math.min(named.size(), PLACES_PER_NAME))) {
			int tier = Math.min(place.edits() + penalty, Hit.FUZZY);
			hits.add(Hit.county(place.county(), place.city(), tier, otherState(meaning, place.county().stateCode()),
					agencyKinds, place.zipCodes()));
			// an agency found through its place asked for "police" does not answer it
			// unless its name matched too ("Charlotte PD" is not Punta Gorda's police)
			for (AgencyIndex.Entry entry : this.index.inCounty(place.county().fips())) {
				hits.add(Hit.agency(entry.agency(), tier, otherState(meaning, entry.agency().state()),
						placeKindsMissed(entry, typed), agencyKinds, place.zipCodes(), entry.kindOrder(), false));
			}
		}
	}

	/**
	 * The kinds of county asked for that the agency's best name lacks ("Gaston County"
	 * asks for the sheriff before a town's police); a city asked for is the place it
	 * serves.
	 */
	private int placeKindsMissed(AgencyIndex.Entry entry, Typed typed) {
		int fewest = typed.countyKinds().length;
		for (int[] name : entry.names()) {
			int missed = 0;
			for (byte[] kind : typed.countyKinds()) {
				missed += (best(kind, name) >= Vocabulary.NO_MATCH) ? 1 : 0;
			}
			fewest = Math.min(fewest, missed);
		}
		return fewest;
	}

	private static @Nullable Match match(int[] name, Typed typed) {
		int cost = 0;
		for (byte[] word : typed.core()) {
			int found = best(word, name);
			if (found >= Vocabulary.NO_MATCH) {
				return null;
			}
			cost += found;
		}
		int placeKindsMissed = 0;
		for (byte[] word : typed.placeKinds()) {
			int found = best(word, name);
			placeKindsMissed += (found >= Vocabulary.NO_MATCH) ? 1 : 0;
			cost += (found >= Vocabulary.NO_MATCH) ? 0 : found;
		}
		boolean agencyKindMissed = false;
		for (byte[] word : typed.agencyKinds()) {
			int found = best(word, name);
			agencyKindMissed |= found >= Vocabulary.NO_MATCH;
			cost += (found >= Vocabulary.NO_MATCH) ? 0 : found;
		}
		return new Match(cost, placeKindsMissed, agencyKindMissed);
	}

	private static int best(byte[] costs, int[] name) {
		int best = Vocabulary.NO_MATCH;
		for (int id : name) {
			best = Math.min(best, costs[id]);
		}
		return best;
	}

	/** The meaning's words as their costs against the vocabulary. */
	private Typed typed(Meaning meaning) {
		return new Typed(costs(meaning.core()), costs(meaning.placeKinds()), costs(meaning.agencyKinds()),
				costs(meaning.placeKinds().stream().filter(SearchWords.COUNTY_KINDS::contains).toList()));
	}

	private byte[][] costs(List<String> words) {
		byte[][] costs = new byte[words.size()][];
		for (int i = 0; i < costs.length; i++) {
			costs[i] = this.index.vocabulary().costs(words.get(i));
		}
		return costs;
	}

	private static boolean otherState(Meaning meaning, String state) {
		return !state.equals(meaning.state());
	}

	/** The costs of the words of one meaning, by what they ask for. */
	private record Typed(byte[][] core, byte[][] placeKinds, byte[][] agencyKinds, byte[][] countyKinds) {
	}

	/**
	 * How one name matched: total edits, kinds of place missed, a kind of agency missed.
	 */
	private record Match(int cost, int placeKindsMissed, boolean agencyKindMissed) {

		boolean complete() {
			return this.placeKindsMissed == 0 && !this.agencyKindMissed;
		}

		boolean betterThan(Match other) {
			if (this.placeKindsMissed != other.placeKindsMissed) {
				return this.placeKindsMissed < other.placeKindsMissed;
			}
			if (this.agencyKindMissed != other.agencyKindMissed) {
				return !this.agencyKindMissed;
			}
			return this.cost < other.cost;
		}

	}

}
