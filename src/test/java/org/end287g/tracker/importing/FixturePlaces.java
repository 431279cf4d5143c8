package org.end287g.tracker.importing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.places.ZipCode;

import org.springframework.stereotype.Component;

/**
 * Test-only stand-in for the places module until its implementation lands: every state,
 * and only the few counties the importer tests name. Replace with the real one on merge.
 */
@Component
class FixturePlaces implements Places {

	private static final List<State> STATES = List.of(new State("AL", "01", "Alabama"), new State("AK", "02", "Alaska"),
			new State("AZ", "04", "Arizona"), new State("AR", "05", "Arkansas"), new State("CA", "06", "California"),
			new State("CO", "08", "Colorado"), new State("CT", "09", "Connecticut"), new State("DE", "10", "Delaware"),
			new State("DC", "11", "District of Columbia"), new State("FL", "12", "Florida"),
			new State("GA", "13", "Georgia"), new State("HI", "15", "Hawaii"), new State("ID", "16", "Idaho"),
			new State("IL", "17", "Illinois"), new State("IN", "18", "Indiana"), new State("IA", "19", "Iowa"),
			new State("KS", "20", "Kansas"), new State("KY", "21", "Kentucky"), new State("LA", "22", "Louisiana"),
			new State("ME", "23", "Maine"), new State("MD", "24", "Maryland"), new State("MA", "25", "Massachusetts"),
			new State("MI", "26", "Michigan"), new State("MN", "27", "Minnesota"), new State("MS", "28", "Mississippi"),
			new State("MO", "29", "Missouri"), new State("MT", "30", "Montana"), new State("NE", "31", "Nebraska"),
			new State("NV", "32", "Nevada"), new State("NH", "33", "New Hampshire"),
			new State("NJ", "34", "New Jersey"), new State("NM", "35", "New Mexico"), new State("NY", "36", "New York"),
			new State("NC", "37", "North Carolina"), new State("ND", "38", "North Dakota"),
			new State("OH", "39", "Ohio"), new State("OK", "40", "Oklahoma"), new State("OR", "41", "Oregon"),
			new State("PA", "42", "Pennsylvania"), new State("RI", "44", "Rhode Island"),
			new State("SC", "45", "South Carolina"), new State("SD", "46", "South Dakota"),
			new State("TN", "47", "Tennessee"), new State("TX", "48", "Texas"), new State("UT", "49", "Utah"),
			new State("VT", "50", "Vermont"), new State("VA", "51", "Virginia"), new State("WA", "53", "Washington"),
			new State("WV", "54", "West Virginia"), new State("WI", "55", "Wisconsin"),
			new State("WY", "56", "Wyoming"), new State("PR", "72", "Puerto Rico"));

	private static final List<County> COUNTIES = List.of(new County("37025", "Cabarrus County", "NC", 35.39, -80.55),
			new County("37071", "Gaston County", "NC", 35.29, -81.18),
			new County("37089", "Henderson County", "NC", 35.34, -82.48),
			new County("37127", "Nash County", "NC", 35.97, -77.99),
			new County("22057", "Lafourche Parish", "LA", 29.49, -90.40),
			new County("26021", "Berrien County", "MI", 41.96, -86.41),
			new County("12009", "Brevard County", "FL", 28.26, -80.73),
			new County("48201", "Harris County", "TX", 29.86, -95.39));

	@Override
	public List<State> states() {
		return STATES;
	}

	@Override
	public Optional<State> state(String codeFipsOrName) {
		String text = letters(codeFipsOrName);
		return STATES.stream()
			.filter((s) -> letters(s.code()).equals(text) || s.fips().equals(text) || letters(s.name()).equals(text))
			.findFirst();
	}

	@Override
	public Optional<State> matchState(String rawName) {
		String text = letters(rawName);
		List<State> close = STATES.stream().filter((s) -> Names.distance(letters(s.name()), text) <= 1).toList();
		return (close.size() == 1) ? Optional.of(close.get(0)) : state(rawName);
	}

	@Override
	public Optional<County> county(String fips) {
		return COUNTIES.stream().filter((c) -> c.fips().equals(fips)).findFirst();
	}

	@Override
	public List<County> counties(String stateCode) {
		return COUNTIES.stream().filter((c) -> c.stateCode().equals(stateCode)).toList();
	}

	@Override
	public Optional<County> matchCounty(String stateCode, String rawName) {
		String text = countyLetters(rawName);
		List<County> close = counties(stateCode).stream()
			.filter((c) -> Names.distance(countyLetters(c.name()), text) <= 1)
			.toList();
		return (close.size() == 1) ? Optional.of(close.get(0)) : Optional.empty();
	}

	@Override
	public Optional<ZipCode> zip(String zip) {
		return Optional.empty();
	}

	@Override
	public List<ZipCode> zipsInCity(String city, Optional<String> stateCode) {
		return List.of();
	}

	@Override
	public Optional<County> nearestCounty(double latitude, double longitude) {
		return Optional.empty();
	}

	private static String letters(String text) {
		return (text == null) ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static String countyLetters(String text) {
		return letters(
				(text == null) ? "" : text.toLowerCase(Locale.ROOT).replaceAll("\\b(county|parish|borough)\\b", ""));
	}

}
