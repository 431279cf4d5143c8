package org.end287g.places;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceMatchingTests {

	static final Places places = BundledPlacesTests.places;

	@ParameterizedTest
	@CsvSource({ "North Carolinia, NC", "'NORTH CAROLINA ', NC", "nc, NC", "'  new   york', NY", "Lousiana, LA",
			"ARKANSA, AR", "Texs, TX", "West Virginia, WV", "Virginia, VA", "Puerto Rico, PR",
			"District of Columbia, DC" })
	void matchesStatesWithOneTypo(String raw, String code) {
		assertThat(places.matchState(raw)).map(State::code).contains(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "Narnia", "North Carolinas Inc", "Kansass Arkansas", "N", "ZZ" })
	void findsNoStateWhenNothingIsClose(String raw) {
		assertThat(places.matchState(raw)).isEmpty();
	}

	@Test
	void findsNoStateWhenTwoAreEquallyClose() {
		// No two real state names are two edits apart, so the rule is shown on made-up
		// ones.
		StateNames names = new StateNames(
				java.util.List.of(new State("KA", "91", "Kansas"), new State("KB", "92", "Kansan")));
		assertThat(names.match("Kansa")).isEmpty();
		assertThat(names.match("Kansass")).map(State::code).contains("KA");
		assertThat(places.matchState(null)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "AL, Franklin County, 01059", "AL, Frankin County, 01059", "al, FRANKLIN, 01059",
			"FL, Miami-Dade, 12086", "FL, miami dade county, 12086", "GA, DeKalb, 13089", "GA, De Kalb County, 13089",
			"IN, Dekalb County, 18033", "MO, St. Louis County, 29189", "MO, Saint Louis County, 29189",
			"MO, St. Louis city, 29510", "VA, Richmond city, 51760", "VA, Richmond County, 51159",
			"VA, City of Richmond, 51760", "LA, Orleans Parish, 22071", "LA, orleans, 22071",
			"AK, Juneau City and Borough, 02110", "AK, Anchorage, 02020", "AK, Kenai Peninsula Borough, 02122",
			"NM, Dona Ana County, 35013", "MD, Prince Georges County, 24033", "MD, Prince George's, 24033",
			"VA, Charles City County, 51036", "VA, Charles City, 51036", "NC, '  gaston   county ', 37071",
			"NV, Carson City, 32510", "PR, San Juan, 72127" })
	void matchesCountiesAsSpreadsheetsSpellThem(String state, String raw, String fips) {
		assertThat(places.matchCounty(state, raw)).map(County::fips).contains(fips);
	}

	@ParameterizedTest
	@CsvSource({ "VA, Richmond", "MD, Baltimore", "VA, Fairfax", "NC, Nowhere County", "NC, ''", "NC, Gaston;DROP",
			"SC, Gaston County", "XX, Gaston County", "AL, Lea County", "TX, Le County" })
	void findsNoCountyWhenAmbiguousOrAbsentInThatState(String state, String raw) {
		assertThat(places.matchCounty(state, raw)).isEmpty();
	}

	@Test
	void neverMatchesACountyAcrossStates() {
		assertThat(places.matchCounty("NC", "Miami-Dade")).isEmpty();
		assertThat(places.matchCounty(null, "Gaston County")).isEmpty();
		assertThat(places.matchCounty("NC", null)).isEmpty();
	}

}
