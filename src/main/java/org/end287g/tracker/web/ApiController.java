package org.end287g.tracker.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.end287g.places.County;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.TrackerReader;
import org.end287g.tracker.TrackerStats;
import org.end287g.tracker.reading.NearbyAgreements;
import org.end287g.tracker.reading.TrackerQueries;
import org.end287g.tracker.web.PointLocator.Located;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open data API: JSON and CSV, filtered only by whitelisted parameters. */
@RestController
@RequestMapping("/api/v1")
class ApiController {

	static final int NEAREST = 10;

	private final TrackerReader reader;

	private final TrackerQueries queries;

	private final ParameterRules rules;

	private final PointLocator locator;

	ApiController(TrackerReader reader, TrackerQueries queries, ParameterRules rules, PointLocator locator) {
		this.reader = reader;
		this.queries = queries;
		this.rules = rules;
		this.locator = locator;
	}

	@GetMapping("/stats")
	TrackerStats stats() {
		return this.reader.stats();
	}

	@GetMapping(path = "/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
	List<AgreementView> agreements(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String county,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String model) {
		return this.reader.agreements(this.rules.filter(state, county, status, model));
	}

	@GetMapping("/agreements.csv")
	ResponseEntity<String> agreementsCsv(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String county,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String model) {
		List<AgreementView> agreements = this.reader.agreements(this.rules.filter(state, county, status, model));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"287g-agreements.csv\"")
			.body(AgreementsCsv.write(agreements));
	}

	@GetMapping("/near")
	Near near(@RequestParam(required = false) @Nullable String zip,
			@RequestParam(required = false) @Nullable String lat,
			@RequestParam(required = false) @Nullable String lon) {
		Located here = this.locator.locate(zip, lat, lon, null);
		County county = here.county();
		NearbyAgreements nearby = this.queries.near(here.latitude(), here.longitude(), county.fips(),
				county.stateCode(), NEAREST);
		return new Near(here.zip(), new NearCounty(county.fips(), county.name(), county.stateCode()), nearby.inCounty(),
				nearby.nearest()
					.stream()
					.map((distant) -> Distant.of(distant.agreement(), distant.distanceKm()))
					.toList());
	}

	record Near(@Nullable String zip, NearCounty county, List<AgreementView> inCounty, List<Distant> nearest) {
	}

	record NearCounty(String fips, String name, String state) {
	}

	/** An agreement with its distance, flat like the other agreements of the API. */
	record Distant(AgencyView agency, String model, @Nullable LocalDate signed, String status, LocalDate firstListed,
			LocalDate lastListed, @Nullable String moaUrl, @Nullable String addendumUrl, double distanceKm) {

		static Distant of(AgreementView a, double km) {
			return new Distant(a.agency(), a.model(), a.signed(), a.status(), a.firstListed(), a.lastListed(),
					a.moaUrl(), a.addendumUrl(), Math.round(km * 10) / 10.0);
		}

	}

}
