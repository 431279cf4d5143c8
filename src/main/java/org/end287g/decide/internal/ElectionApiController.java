package org.end287g.decide.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.end287g.decide.Election;
import org.end287g.decide.Pledge;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
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
		String code = (state != null && state.length() == 2)
				? this.places.state(state.toUpperCase(Locale.ROOT)).map(State::code).orElse(null) : null;
		if (code == null) {
			throw Problem.badRequest("decide.elections.error.state");
		}
		return this.store.upcoming(code).stream().map(this::api).toList();
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
