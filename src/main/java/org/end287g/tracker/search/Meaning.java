package org.end287g.tracker.search;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One way to read a query: the words that name something ({@code core}), the kinds of
 * place and agency it asks for, and the state it named, if any ("Gaston Co" is Gaston
 * County, or Gaston in Colorado: both meanings are searched and the better results win).
 */
record Meaning(List<String> core, List<String> placeKinds, List<String> agencyKinds, String placeName, String coreName,
		@Nullable String state) {

	/** Reads plain words (see {@link SearchWords#plain}). */
	static Meaning of(List<String> plain, @Nullable String state) {
		List<String> core = new ArrayList<>();
		List<String> placeKinds = new ArrayList<>();
		List<String> agencyKinds = new ArrayList<>();
		for (String word : SearchWords.spelledOut(plain)) {
			if (SearchWords.PLACE_KINDS.contains(word)) {
				placeKinds.add(word);
			}
			else if (SearchWords.AGENCY_KINDS.contains(word)) {
				agencyKinds.add(word);
			}
			else if (SearchWords.isCore(word)) {
				core.add(word);
			}
		}
		return new Meaning(List.copyOf(core), List.copyOf(placeKinds), List.copyOf(agencyKinds), placeName(plain),
				String.join(" ", core), state);
	}

	/**
	 * The words as a place name, without the kinds of agency: "Gaston County", "Panama
	 * City", "de Soto".
	 */
	private static String placeName(List<String> plain) {
		List<String> words = new ArrayList<>();
		for (String word : plain) {
			List<String> spelled = SearchWords.spelledOut(List.of(word));
			if (spelled.size() == 1 && SearchWords.PLACE_KINDS.contains(spelled.get(0))) {
				words.add(spelled.get(0));
			}
			else if (spelled.stream().noneMatch(SearchWords.AGENCY_KINDS::contains)) {
				words.add(word);
			}
		}
		return String.join(" ", words);
	}

	boolean asksForCounty() {
		return this.placeKinds.stream().anyMatch(SearchWords.COUNTY_KINDS::contains);
	}

	/** Nothing to look for (lone letters, joining words). */
	boolean blank() {
		return this.core.isEmpty() && this.placeKinds.isEmpty() && this.agencyKinds.isEmpty();
	}

	/** A query of kinds only ("Sheriff's Office", "PD"): every agency of that kind. */
	boolean generic() {
		return this.core.isEmpty();
	}

}
