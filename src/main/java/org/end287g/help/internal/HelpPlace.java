package org.end287g.help.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.jspecify.annotations.Nullable;

/**
 * Where someone looks for help from: a ZIP code's point in its county, or a county's
 * centre.
 *
 * @param zip the ZIP code given, null for a county
 */
record HelpPlace(@Nullable String zip, County county, double latitude, double longitude) {

	private static final Pattern ZIP = Pattern.compile("[0-9]{5}");

	private static final Pattern FIPS = Pattern.compile("[0-9]{5}");

	/** "Mecklenburg County, NC". */
	public String label() {
		return this.county.name() + ", " + this.county.stateCode();
	}

	/** A known ZIP code, as typed (blank space around it ignored); empty when not one. */
	static Optional<HelpPlace> ofZip(@Nullable String text, Places places) {
		String zip = (text != null) ? text.strip() : "";
		if (!ZIP.matcher(zip).matches()) {
			return Optional.empty();
		}
		Optional<ZipCode> found = places.zip(zip);
		return found.flatMap((z) -> places.county(z.countyFips())
			.map((county) -> new HelpPlace(z.zip(), county, z.latitude(), z.longitude())));
	}

	/** A known county by FIPS code; empty when not one. */
	static Optional<HelpPlace> ofCounty(@Nullable String text, Places places) {
		String fips = (text != null) ? text.strip() : "";
		if (!FIPS.matcher(fips).matches()) {
			return Optional.empty();
		}
		return places.county(fips).map(HelpPlace::of);
	}

	static HelpPlace of(County county) {
		return new HelpPlace(null, county, county.latitude(), county.longitude());
	}

}
