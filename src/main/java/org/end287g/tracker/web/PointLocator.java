package org.end287g.tracker.web;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns a ZIP code, a browser's coordinates or a county FIPS into a point and its county.
 */
@Component
class PointLocator {

	/** Farther than this from every county centroid is not in the United States. */
	private static final double MAX_KM_FROM_COUNTY = 500;

	private final Places places;

	private final ParameterRules rules;

	PointLocator(Places places, ParameterRules rules) {
		this.places = places;
		this.rules = rules;
	}

	Located locate(@Nullable String zip, @Nullable String latitude, @Nullable String longitude,
			@Nullable String county) {
		if (zip != null) {
			return byZip(zip);
		}
		if (latitude != null || longitude != null) {
			return byPoint(latitude, longitude);
		}
		if (county != null) {
			County found = this.places.county(this.rules.county(county)).orElseThrow();
			return new Located(null, found, found.latitude(), found.longitude());
		}
		throw TrackerProblems.invalid("where");
	}

	Located byZip(String raw) {
		String zip = this.rules.zip(raw);
		ZipCode code = this.places.zip(zip).orElseThrow(() -> TrackerProblems.unknownZip(zip));
		County county = this.places.county(code.countyFips()).orElseThrow(() -> TrackerProblems.unknownZip(zip));
		return new Located(zip, county, code.latitude(), code.longitude());
	}

	private Located byPoint(@Nullable String latitude, @Nullable String longitude) {
		if (latitude == null || longitude == null) {
			throw TrackerProblems.invalid("location");
		}
		double lat = this.rules.coordinate(latitude, 90, "location");
		double lon = this.rules.coordinate(longitude, 180, "location");
		County county = this.places.nearestCounty(lat, lon)
			.filter((found) -> Places.distanceKm(lat, lon, found.latitude(), found.longitude()) < MAX_KM_FROM_COUNTY)
			.orElseThrow(() -> TrackerProblems.invalid("outside"));
		return new Located(null, county, lat, lon);
	}

	/** Where a visitor is: the ZIP when they gave one, and the county it lies in. */
	record Located(@Nullable String zip, County county, double latitude, double longitude) {
	}

}
