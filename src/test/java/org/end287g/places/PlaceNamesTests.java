package org.end287g.places;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceNamesTests {

	static final Places places = PlacesForTests.bundled();

	@Test
	void findsCountiesOfEveryStateByNameWithOrWithoutTheirSuffix() {
		assertThat(places.placesNamed("Gaston")).first().satisfies((place) -> {
			assertThat(place.county().fips()).isEqualTo("37071");
			assertThat(place.city()).isNull();
			assertThat(place.edits()).isZero();
			assertThat(place.zipCodes()).isEqualTo(places.zipCodesIn("37071")).isGreaterThan(10);
		});
		assertThat(places.placesNamed("gaston county")).extracting((p) -> p.county().fips()).containsExactly("37071");
		assertThat(places.placesNamed("De Kalb")).extracting((p) -> p.county().name()).contains("DeKalb County");
		// a different suffix is found one step behind the exact name
		List<NamedPlace> richmond = places.placesNamed("Richmond County");
		assertThat(richmond).filteredOn((p) -> p.edits() == 0)
			.extracting((p) -> p.county().name())
			.containsOnly("Richmond County");
		assertThat(richmond).filteredOn((p) -> p.edits() == 1).extracting((p) -> p.county().fips()).contains("51760");
	}

	@Test
	void findsTheCountyOfACityBiggestFirst() {
		List<NamedPlace> charlotte = places.placesNamed("Charlotte");
		assertThat(charlotte.get(0).county().fips()).isEqualTo("37119");
		assertThat(charlotte.get(0).city()).isEqualTo("Charlotte");
		assertThat(charlotte).extracting((p) -> p.county().fips()).contains("12015", "50007");
		assertThat(places.placesNamed("Gastonia")).extracting((p) -> p.county().fips()).containsExactly("37071");
		assertThat(places.placesNamed("St. Louis")).extracting((p) -> p.county().name()).contains("St. Louis city");
	}

	@Test
	void forgivesOneTypoOnlyWhenNothingIsExact() {
		assertThat(places.placesNamed("Mecklenberg")).extracting((p) -> p.county().fips()).contains("37119", "51117");
		assertThat(places.placesNamed("Mecklenberg")).allSatisfy((p) -> assertThat(p.edits()).isEqualTo(1));
		assertThat(places.placesNamed("Gastnia")).extracting((p) -> p.county().fips()).contains("37071");
		// an exact name hides its neighbours one typo away (Easton is not Gaston)
		assertThat(places.placesNamed("Gaston")).allSatisfy((p) -> assertThat(p.edits()).isZero());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "!!!", "Narnia", "<script>" })
	void findsNothingForNoName(String name) {
		assertThat(places.placesNamed(name)).isEmpty();
		assertThat(places.placesNamed(null)).isEmpty();
		assertThat(places.placesNamed("x".repeat(300))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "N.C., NC", "nc, NC", "North Carolina, NC", "Carolina del Norte, NC", "carolina del sur, SC",
			"Nuevo México, NM", "Nueva York, NY", "Pensilvania, PA", "Calif., CA", "Fla, FL", "W. Va., WV",
			"Virginia Occidental, WV", "Hawái, HI", "Distrito de Columbia, DC" })
	void namesStatesInEnglishSpanishAndAbbreviations(String text, String code) {
		assertThat(places.stateNamed(text)).map(State::code).contains(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Gaston", "North Carolinia", "Carolina", "X" })
	void namesNoStateForOtherWordsOrTypos(String text) {
		assertThat(places.stateNamed(text)).isEmpty();
	}

}
