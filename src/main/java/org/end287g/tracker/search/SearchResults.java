package org.end287g.tracker.search;

import java.util.List;
import java.util.Map;

import org.end287g.places.County;
import org.end287g.places.State;
import org.end287g.tracker.AgencyView;
import org.jspecify.annotations.Nullable;

/**
 * What a search found: too many words to read, a ZIP code or a state to show at once, or
 * agencies and counties, best first. {@code placesFirst} when the best result is a
 * county, {@code cities} names the city a county was found through ("Charlotte" for
 * Mecklenburg County), and {@code stateFirst} is the state the query named when its
 * results lead.
 */
public record SearchResults(boolean tooManyWords, @Nullable String zip, @Nullable State state,
		List<AgencyView> agencies, List<County> counties, Map<String, String> cities, boolean placesFirst,
		@Nullable State stateFirst) {

	static final SearchResults TOO_MANY_WORDS = new SearchResults(true, null, null, List.of(), List.of(), Map.of(),
			false, null);

	static SearchResults ofZip(String zip) {
		return new SearchResults(false, zip, null, List.of(), List.of(), Map.of(), false, null);
	}

	static SearchResults ofState(State state) {
		return new SearchResults(false, null, state, List.of(), List.of(), Map.of(), false, null);
	}

	static SearchResults of(List<AgencyView> agencies, List<County> counties, Map<String, String> cities,
			boolean placesFirst, @Nullable State stateFirst) {
		return new SearchResults(false, null, null, agencies, counties, cities, placesFirst, stateFirst);
	}

	public boolean isEmpty() {
		return this.agencies.isEmpty() && this.counties.isEmpty();
	}

}
