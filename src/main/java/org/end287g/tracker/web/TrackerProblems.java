package org.end287g.tracker.web;

import org.end287g.problems.Problem;

import org.springframework.http.HttpStatus;

/**
 * What the read side refuses, as the site's problems: an unknown state, agency or ZIP
 * code ("we could not find that", 404) and a parameter outside its whitelist (400).
 */
final class TrackerProblems {

	private TrackerProblems() {
	}

	static Problem unknownState(String code) {
		return notFound("error.state.unknown", code);
	}

	static Problem unknownAgency(String slug) {
		return notFound("error.agency.unknown", slug);
	}

	static Problem unknownZip(String zip) {
		return notFound("error.zip.unknown", zip);
	}

	/** {@code parameter} names the message: error.param.state, error.param.zip ... */
	static Problem invalid(String parameter) {
		return Problem.badRequest("error.param." + parameter);
	}

	private static Problem notFound(String detailCode, Object argument) {
		return Problem.of(HttpStatus.NOT_FOUND, "problem.notFound", detailCode, argument);
	}

}
