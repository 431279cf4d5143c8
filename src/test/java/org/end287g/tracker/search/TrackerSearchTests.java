package org.end287g.tracker.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.PlacesForTests;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.CountyRef;
import org.end287g.tracker.reading.AgencyName;
import org.end287g.tracker.reading.AgreementChange;
import org.end287g.tracker.reading.NearbyAgreements;
import org.end287g.tracker.reading.TrackerQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The ranking rules on a few agencies, without a database. */
class TrackerSearchTests {

	static final Places places = PlacesForTests.bundled();

	final Names names = new Names();

	final TrackerSearch search = new TrackerSearch(this.names, places);

	TrackerSearchTests() {
		this.names.add("Gaston County Sheriff's Office", "NC", "COUNTY", "37071");
		this.names.add("Lexington County Sheriff's Office", "SC", "COUNTY", "45063");
		this.names.add("Charlotte County Sheriff's Office", "FL", "COUNTY", "12015");
		this.names.add("Punta Gorda Police Department", "FL", "MUNICIPALITY", null);
		this.names.add("Mecklenburg County Sheriff's Office", "VA", "COUNTY", "51117");
		this.names.add("Mesa Police Department", "AZ", "MUNICIPALITY", null);
		this.names.add("Lafourche Parish Sheriff's Office", "LA", "COUNTY", "22057");
		this.names.add("Georgia Department of Public Safety", "GA", "STATE_AGENCY", null);
		this.names.add("Georgia Department of Corrections", "GA", "STATE_AGENCY", null);
	}

	@Test
	void aCountyNameFindsItsAgencyBeforeTownsOfThatName() {
		SearchResults gaston = this.search.find("Gaston");
		assertThat(gaston.placesFirst()).isFalse();
		assertThat(slugs(gaston)).startsWith("nc-gaston-county-sheriffs-office", "sc-lexington-county-sheriffs-office");
		assertThat(gaston.counties().get(0).fips()).isEqualTo("37071");
	}

	@Test
	void aBigCityComesBeforeSmallerPlacesOfItsName() {
		SearchResults charlotte = this.search.find("Charlotte");
		assertThat(charlotte.placesFirst()).isTrue();
		assertThat(charlotte.counties()).extracting(County::fips).startsWith("37119", "12015");
		assertThat(charlotte.cities()).containsEntry("37119", "Charlotte");
		assertThat(slugs(charlotte)).startsWith("fl-charlotte-county-sheriffs-office");
		// asking for a police department does not bring the county's other police first
		assertThat(this.search.find("Charlotte PD").counties().get(0).fips()).isEqualTo("37119");
		assertThat(this.search.find("Charlotte PD").placesFirst()).isTrue();
	}

	@Test
	void theStateNamedComesFirst() {
		SearchResults florida = this.search.find("Charlotte, FL");
		assertThat(slugs(florida)).startsWith("fl-charlotte-county-sheriffs-office");
		assertThat(florida.placesFirst()).isFalse();
		assertThat(florida.stateFirst()).isNotNull().extracting((state) -> state.code()).isEqualTo("FL");
		assertThat(this.search.find("Gaston, SC").agencies().get(0).slug())
			.isEqualTo("sc-lexington-county-sheriffs-office");
	}

	@Test
	void kindsAndAbbreviationsPickTheAgency() {
		assertThat(slugs(this.search.find("Mesa PD"))).startsWith("az-mesa-police-department");
		assertThat(slugs(this.search.find("Georgia DPS"))).startsWith("ga-georgia-department-of-public-safety");
		assertThat(slugs(this.search.find("Gaston Co SO"))).containsExactly("nc-gaston-county-sheriffs-office");
		assertThat(slugs(this.search.find("gastn county sherif"))).startsWith("nc-gaston-county-sheriffs-office");
		// "Paris" is not the start of "Parish"
		assertThat(slugs(this.search.find("Paris"))).doesNotContain("la-lafourche-parish-sheriffs-office");
		// kinds only: every agency of that kind
		assertThat(slugs(this.search.find("Sheriffs Office"))).hasSize(5);
	}

	@Test
	void initialsNameTheAgency() {
		assertThat(AgencyIndex.initials("Gaston County Sheriff's Office")).contains("gcso");
		assertThat(AgencyIndex.initials("Charlotte-Mecklenburg Police Department")).contains("cmpd");
		assertThat(AgencyIndex.initials("Department of Public Safety")).isEmpty();
		assertThat(slugs(this.search.find("GCSO"))).startsWith("nc-gaston-county-sheriffs-office");
	}

	@Test
	void aZipCodeOrAStateAloneIsShownAtOnce() {
		assertThat(this.search.find("28052-1234").zip()).isEqualTo("28052");
		assertThat(this.search.find(" 28052 1234 ").zip()).isEqualTo("28052");
		assertThat(this.search.find("Gastonia, NC 28052").zip()).isEqualTo("28052");
		assertThat(this.search.find("Gastonia 99999").zip()).isNull();
		assertThat(this.search.find("Carolina del Norte").state()).isNotNull()
			.extracting((s) -> s.code())
			.isEqualTo("NC");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "' OR 1=1--", "!!!", "\u0000\u202e", "a b c d e f g" })
	void hostileInputFindsNothing(String query) {
		SearchResults results = this.search.find(query);
		assertThat(results.isEmpty()).isTrue();
		assertThat(results.zip()).isNull();
	}

	@Test
	void theWorkPerQueryIsBounded() {
		assertThat(this.search.find("gaston ".repeat(12)).tooManyWords()).isFalse();
		assertThat(this.search.find("gaston ".repeat(13)).tooManyWords()).isTrue();
		assertThat(this.search.find("x".repeat(TrackerSearch.MAX_LENGTH)).isEmpty()).isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.search.find("x".repeat(TrackerSearch.MAX_LENGTH + 1)));
	}

	@Test
	void aNewDataVersionIsSearchedAtOnce() {
		assertThat(this.search.find("Nassau").agencies()).isEmpty();
		this.names.add("Nassau County Police Department", "NY", "MUNICIPALITY", "36059");
		assertThat(slugs(this.search.find("Nassau"))).containsExactly("ny-nassau-county-police-department");
	}

	private static List<String> slugs(SearchResults results) {
		return results.agencies().stream().map(AgencyView::slug).toList();
	}

	/** Agency names as the read model lists them: a new list for every data version. */
	static final class Names implements TrackerQueries {

		private List<AgencyName> names = List.of();

		void add(String name, String state, String kind, String countyFips) {
			String slug = state.toLowerCase() + "-" + name.toLowerCase().replace("'", "").replaceAll("[^a-z0-9]+", "-");
			CountyRef county = (countyFips != null) ? new CountyRef(countyFips, null) : null;
			List<AgencyName> next = new ArrayList<>(this.names);
			next.add(new AgencyName(name, new AgencyView(name, slug, state, kind, county)));
			this.names = List.copyOf(next);
		}

		@Override
		public List<AgencyName> agencyNames() {
			return this.names;
		}

		@Override
		public NearbyAgreements near(double latitude, double longitude, String countyFips, String stateCode,
				int nearestLimit) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<AgreementChange> latestChanges(Optional<String> state, int limit) {
			return List.of();
		}

		@Override
		public List<AgreementChange> latestChangesInCounty(String countyFips, int limit) {
			return List.of();
		}

		@Override
		public List<AgreementChange> history(String agencySlug) {
			return List.of();
		}

	}

}
