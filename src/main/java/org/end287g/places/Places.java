package org.end287g.places;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Every US state, county and ZIP code, shipped with the application and read without any
 * network access. Lookups are tolerant of the spelling found in official spreadsheets.
 */
public interface Places {

	List<State> states();

	/** By postal code ({@code NC}), FIPS code ({@code 37}) or name, case-insensitive. */
	Optional<State> state(@Nullable String codeFipsOrName);

	/**
	 * A state whose name is the given text up to case, spacing and at most one typo (one
	 * edit); empty when no state or more than one is that close.
	 */
	Optional<State> matchState(@Nullable String rawName);

	/**
	 * A state by postal code, English or Spanish name ("Carolina del Norte") or a usual
	 * abbreviation ("N.C.", "Calif."), ignoring case, accents and punctuation; no typos.
	 */
	Optional<State> stateNamed(@Nullable String text);

	Optional<County> county(@Nullable String fips);

	List<County> counties(@Nullable String stateCode);

	/**
	 * The county of the given state whose name matches the text, ignoring case, spacing,
	 * punctuation and words such as County, Parish or Borough, and tolerating one typo;
	 * empty when nothing in that state matches or the match is ambiguous.
	 */
	Optional<County> matchCounty(@Nullable String stateCode, @Nullable String rawName);

	/**
	 * "Gaston" in "Gaston County Sheriff's Office": a name that starts with its county.
	 */
	Pattern COUNTY_IN_NAME = Pattern.compile("(?i)^(.+?)\\s+(county|parish|borough)\\b");

	/**
	 * The county an agency's name starts with ("Gaston County Sheriff's Office"), as
	 * {@link #matchCounty} finds it in the state; empty when the name starts with none.
	 */
	default Optional<County> countyInName(@Nullable String stateCode, String agencyName) {
		Matcher matcher = COUNTY_IN_NAME.matcher(agencyName);
		return matcher.find() ? matchCounty(stateCode, matcher.group(1)) : Optional.empty();
	}

	Optional<ZipCode> zip(@Nullable String zip);

	/** The county a ZIP code lies in (the one holding its GeoNames point). */
	default Optional<County> countyOfZip(@Nullable String zip) {
		return zip(zip).flatMap((z) -> county(z.countyFips()));
	}

	/** ZIP codes whose place name is the given city, optionally within one state. */
	List<ZipCode> zipsInCity(@Nullable String city, Optional<String> stateCode);

	/**
	 * Counties of every state called by the name ("Gaston", "Gaston County"), and the
	 * counties of the cities of that name ("Gastonia"); exact names first, biggest first,
	 * and names one typo away only when no name is exact (and the name has at most three
	 * words). At most 50.
	 */
	List<NamedPlace> placesNamed(@Nullable String name);

	/** How many ZIP codes lie in a county: a rough measure of its size (0 if unknown). */
	int zipCodesIn(@Nullable String countyFips);

	/** The county whose centroid is nearest to the point. */
	Optional<County> nearestCounty(double latitude, double longitude);

	/** Kilometres in a statute mile. */
	double KM_PER_MILE = 1.609344;

	/**
	 * A distance in whole statute miles, the way US visitors read distances (pages show
	 * miles; kilometres stay in the open data).
	 */
	static long miles(double km) {
		return Math.round(km / KM_PER_MILE);
	}

	/** Great-circle distance in kilometres. */
	static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
		double earthRadiusKm = 6371.0088;
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * earthRadiusKm * Math.asin(Math.sqrt(a));
	}

}
