package org.end287g.places;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BundledPlacesTests {

	static final Places places = PlacesForTests.bundled();

	@Test
	void holdsEveryStateDistrictAndTerritoryOfTheCensusFiles() {
		assertThat(places.states()).hasSize(56);
		assertThat(places.states()).extracting(State::code).contains("NC", "DC", "PR", "VI", "GU", "AS", "MP");
		assertThat(places.state("nc")).contains(new State("NC", "37", "North Carolina"));
		assertThat(places.state("37")).map(State::code).contains("NC");
		assertThat(places.state(" north  carolina ")).map(State::code).contains("NC");
		assertThat(places.state("XX")).isEmpty();
		assertThat(places.state(null)).isEmpty();
	}

	@Test
	void holdsEveryCountyWithItsLegalName() {
		long inStates = places.states()
			.stream()
			.filter((s) -> Integer.parseInt(s.fips()) <= 56)
			.mapToLong((s) -> places.counties(s.code()).size())
			.sum();
		assertThat(inStates).isBetween(3140L, 3145L);
		assertThat(places.counties("NC")).hasSize(100);
		assertThat(places.counties("nc")).hasSize(100);
		assertThat(places.counties("nowhere")).isEmpty();
		assertThat(places.county("37071")).map(County::name).contains("Gaston County");
		assertThat(places.county("22071")).map(County::name).contains("Orleans Parish");
		assertThat(places.county("51760")).map(County::name).contains("Richmond city");
		assertThat(places.county("51159")).map(County::name).contains("Richmond County");
		assertThat(places.county("02020")).map(County::name).contains("Anchorage Municipality");
		assertThat(places.county("99999")).isEmpty();
	}

	@Test
	void countyCentroidsLieInsideTheirCounty() {
		County gaston = places.county("37071").orElseThrow();
		assertThat(gaston.latitude()).isCloseTo(35.29, within(0.05));
		assertThat(gaston.longitude()).isCloseTo(-81.18, within(0.05));
	}

	@Test
	void holdsAboutFortyOneThousandZipCodesWithTheirCounty() {
		assertThat(places.zip("28052")).hasValueSatisfying((z) -> {
			assertThat(z.city()).isEqualTo("Gastonia");
			assertThat(z.stateCode()).isEqualTo("NC");
			assertThat(z.countyFips()).isEqualTo("37071");
		});
		assertThat(places.zip("28202")).map(ZipCode::countyFips).contains("37119");
		assertThat(places.zip("90210")).map(ZipCode::countyFips).contains("06037");
		// GeoNames files Hartford under a planning region; the outline puts it in
		// Hartford County.
		assertThat(places.zip("06103")).map(ZipCode::countyFips).contains("09003");
		assertThat(places.zipsInCity("Gastonia", Optional.empty()).size()).isGreaterThanOrEqualTo(3);
		assertThat(places.countyOfZip("28202")).map(County::name).contains("Mecklenburg County");
		assertThat(places.countyOfZip("2820")).isEmpty();
		long zips = java.util.stream.IntStream.range(0, 100_000)
			.mapToObj((i) -> String.format("%05d", i))
			.filter((z) -> places.zip(z).isPresent())
			.count();
		assertThat(zips).isBetween(40_000L, 43_000L);
		long withCounty = java.util.stream.IntStream.range(0, 100_000)
			.mapToObj((i) -> places.countyOfZip(String.format("%05d", i)))
			.filter(Optional::isPresent)
			.count();
		assertThat(withCounty).isEqualTo(zips);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "2805", "280520", "28052; drop table", "", " 28052", "28052 ", "２８０５２", "00000" })
	void rejectsAnythingButAKnownFiveDigitZip(String input) {
		assertThat(places.zip(input)).isEmpty();
	}

	@Test
	void rejectsNullZip() {
		assertThat(places.zip(null)).isEmpty();
	}

	@Test
	void findsZipCodesByCityIgnoringCase() {
		List<ZipCode> springfield = places.zipsInCity("SPRINGFIELD", Optional.empty());
		List<ZipCode> inIllinois = places.zipsInCity("springfield ", Optional.of("il"));
		assertThat(springfield).extracting(ZipCode::stateCode).contains("IL", "MA", "MO");
		assertThat(inIllinois).isNotEmpty().allMatch((z) -> z.stateCode().equals("IL"));
		assertThat(springfield).hasSizeGreaterThan(inIllinois.size());
		assertThat(places.zipsInCity("Springfield", Optional.of("Atlantis"))).isEmpty();
		assertThat(places.zipsInCity("No Such Town", Optional.empty())).isEmpty();
		assertThat(places.zipsInCity("St. Louis", Optional.of("MO"))).hasSizeGreaterThan(50)
			.allMatch((z) -> z.city().equals("Saint Louis"));
		assertThat(places.zipsInCity("", Optional.empty())).isEmpty();
		assertThat(places.zipsInCity(null, Optional.empty())).isEmpty();
	}

	@Test
	void findsTheNearestCounty() {
		assertThat(places.nearestCounty(35.2627, -81.1873)).map(County::fips).contains("37071");
		assertThat(places.nearestCounty(34.0901, -118.4065)).map(County::fips).contains("06037");
		assertThat(places.nearestCounty(Double.NaN, 0)).isEmpty();
		assertThat(places.nearestCounty(91, 0)).isEmpty();
	}

	@Test
	void measuresGreatCircleDistances() {
		// Charlotte Douglas (CLT) to Atlanta Hartsfield-Jackson (ATL): 365 km by the
		// great circle.
		double km = Places.distanceKm(35.2140, -80.9431, 33.6367, -84.4281);
		assertThat(km).isCloseTo(365.0, within(3.65));
		assertThat(Places.distanceKm(10, 20, 10, 20)).isZero();
	}

}
