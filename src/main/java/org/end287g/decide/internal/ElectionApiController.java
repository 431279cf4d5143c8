package org.end287g.decide.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.end287g.decide.Election;
import org.end287g.decide.Pledge;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A state's upcoming elections as open data: the office, its county, the dates, and each
 * candidate's answer with its source.
 */
@RestController
class ElectionApiController {

	private final ElectionStore store;

	private final Places places;

	ElectionApiController(ElectionStore store, Places places) {
		this.store = store;
		this.places = places;
	}

	record ApiElection(String office, String kind, String state, ApiCounty county, LocalDate date,
			@Nullable LocalDate primaryDate, @Nullable LocalDate filingDeadline, @Nullable LocalDate earlyVotingStart,
			Source source, List<ApiCandidate> candidates) {
	}

	record ApiCounty(@Nullable String fips, @Nullable String name) {
	}

	record Source(@Nullable String title, @Nullable String url) {
	}

	/** {@code source.title} is "questionnaire" for an answer the candidate gave us. */
	record ApiCandidate(String name, @Nullable String party, Pledge pledge, @Nullable String statement,
			@Nullable LocalDate answeredOn, @Nullable Source source) {
	}

	@GetMapping(path = "/api/v1/elections", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ApiElection> elections(@RequestParam(required = false) @Nullable String state) {
		return this.store.upcoming(code(state)).stream().map(this::api).toList();
	}

	private String code(@Nullable String state) {
		String code = (state != null && state.length() == 2)
				? this.places.state(state.toUpperCase(Locale.ROOT)).map(State::code).orElse(null) : null;
		if (code == null) {
			throw Problem.badRequest("decide.elections.error.state");
		}
		return code;
	}

	/** The columns of the elections CSV: one row per candidate, with their answer. */
	static final List<String> CSV_COLUMNS = List.of("state", "county_fips", "county", "office", "kind", "general_date",
			"primary_date", "filing_deadline", "early_voting_start", "dates_source_title", "dates_source_url",
			"candidate", "party", "pledge", "statement", "answered_on", "answer_source", "answer_source_title",
			"answer_source_url");

	/**
	 * The same elections as CSV, one row per candidate (an election without candidates is
	 * one row with empty candidate cells); formulas are defused for spreadsheets.
	 */
	@GetMapping("/api/v1/elections.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String state) {
		List<ApiElection> elections = elections(state);
		StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
		for (ApiElection e : elections) {
			List<@Nullable String> election = java.util.Arrays.asList(e.state(), e.county().fips(), e.county().name(),
					e.office(), e.kind(), text(e.date()), text(e.primaryDate()), text(e.filingDeadline()),
					text(e.earlyVotingStart()), e.source().title(), e.source().url());
			List<ApiCandidate> candidates = e.candidates().isEmpty() ? java.util.Collections.singletonList(null)
					: e.candidates();
			for (ApiCandidate c : candidates) {
				List<@Nullable String> row = new java.util.ArrayList<>(election);
				if (c == null) {
					row.addAll(java.util.Collections.nCopies(8, null));
				}
				else {
					Source source = c.source();
					row.addAll(java.util.Arrays.asList(c.name(), c.party(), c.pledge().name(), c.statement(),
							text(c.answeredOn()), (source != null) ? kind(source) : null,
							(source != null && !"questionnaire".equals(source.title())) ? source.title() : null,
							(source != null) ? source.url() : null));
				}
				csv.append(String.join(",", row.stream().map(ElectionApiController::cell).toList())).append("\r\n");
			}
		}
		String code = code(state).toLowerCase(Locale.ROOT);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-elections.csv\"")
			.body(csv.toString());
	}

	private static String kind(Source source) {
		return "questionnaire".equals(source.title()) ? ElectionStore.QUESTIONNAIRE : ElectionStore.STATEMENT;
	}

	/** A CSV cell, quoted when needed; a leading formula sign is defused. */
	static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String text = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static @Nullable String text(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private ApiElection api(Election e) {
		String countyName = this.places.county(e.countyFips()).map((c) -> c.name()).orElse(null);
		return new ApiElection(e.office(), e.kind().name(), e.state(), new ApiCounty(e.countyFips(), countyName),
				e.generalDate(), e.primaryDate(), e.filingDeadline(), e.earlyVotingStart(),
				new Source(e.sourceTitle(), e.sourceUrl()),
				e.candidates().stream().map(ElectionApiController::candidate).toList());
	}

	private static ApiCandidate candidate(Election.Candidate c) {
		Source source = null;
		if (ElectionStore.QUESTIONNAIRE.equals(c.source())) {
			source = new Source("questionnaire", null);
		}
		else if (c.source() != null) {
			source = new Source(c.sourceTitle(), c.sourceUrl());
		}
		return new ApiCandidate(c.name(), c.party(), c.pledge(), c.statement(), c.answeredOn(), source);
	}

}
