package org.end287g.help.internal;

import java.time.LocalDate;
import java.util.List;

import org.end287g.places.Places;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open data of help: {@code GET /api/v1/help?zip=28202} (or {@code ?county=37119}),
 * the public entries nearest first; a ZIP code or county we do not know is a 400 problem.
 */
@RestController
class HelpApiController {

	/** The most entries one answer holds. */
	static final int MOST = 100;

	private final HelpDirectory directory;

	private final Places places;

	HelpApiController(HelpDirectory directory, Places places) {
		this.directory = directory;
		this.places = places;
	}

	/**
	 * An entry as the open data gives it.
	 *
	 * @param distanceKm from the point asked about to the nearest county served (zero in
	 * its own county); null for entries serving the whole country
	 */
	record ApiEntry(long id, String name, HelpKind kind, List<String> languages, HelpCost cost, List<String> counties,
			List<String> facilities, @Nullable String phone, @Nullable String email, @Nullable String website,
			@Nullable String address, @Nullable String hoursEn, @Nullable String hoursEs,
			@Nullable LocalDate lastChecked, @Nullable Double distanceKm) {

		static ApiEntry of(HelpDirectory.Found found) {
			HelpEntry e = found.entry();
			Double km = (found.km() != null) ? Math.round(found.km() * 10) / 10.0 : null;
			return new ApiEntry(e.id(), e.name(), e.kind(), e.languages(), e.cost(), e.counties(), e.facilities(),
					e.phone(), e.email(), e.website(), e.address(), e.hoursEn(), e.hoursEs(), e.lastChecked(), km);
		}

	}

	@GetMapping(path = "/api/v1/help", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ApiEntry> help(@RequestParam(required = false) @Nullable String zip,
			@RequestParam(required = false) @Nullable String county) {
		HelpPlace place;
		if (county != null && (zip == null || zip.isBlank())) {
			place = HelpPlace.ofCounty(county, this.places).orElseThrow(() -> Problem.badRequest("help.error.county"));
		}
		else {
			place = HelpPlace.ofZip(zip, this.places).orElseThrow(() -> Problem.badRequest("help.error.zip"));
		}
		return this.directory.near(place.latitude(), place.longitude(), place.county().fips(), MOST)
			.stream()
			.map(ApiEntry::of)
			.toList();
	}

}
