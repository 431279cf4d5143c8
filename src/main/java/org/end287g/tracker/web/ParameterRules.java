package org.end287g.tracker.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.tracker.AgreementFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks every parameter of the read side against a whitelist before it reaches a query:
 * anything else is a bad request ({@link TrackerProblems#invalid}).
 */
@Component
class ParameterRules {

	private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");

	private static final Pattern FIPS = Pattern.compile("\\d{5}");

	private static final Pattern ZIP = Pattern.compile("\\d{5}");

	private static final Set<String> STATUSES = Set.of("ACTIVE", "PENDING", "REMOVED");

	private static final Set<String> MODELS = Set.of("JEM", "TFM", "WSO");

	private final Places places;

	ParameterRules(Places places) {
		this.places = places;
	}

	AgreementFilter filter(@Nullable String state, @Nullable String county, @Nullable String status,
			@Nullable String model) {
		return new AgreementFilter(given(state).map(this::state), given(county).map(this::county),
				given(status).map((value) -> oneOf(value, STATUSES, "status")),
				given(model).map((value) -> oneOf(value, MODELS, "model")));
	}

	/** A known state's postal code, upper case. */
	String state(String value) {
		if (value == null || !STATE.matcher(value).matches()) {
			throw TrackerProblems.invalid("state");
		}
		return this.places.state(value.toUpperCase(Locale.ROOT))
			.map(State::code)
			.orElseThrow(() -> TrackerProblems.invalid("state"));
	}

	String county(String value) {
		if (!FIPS.matcher(value).matches() || this.places.county(value).isEmpty()) {
			throw TrackerProblems.invalid("county");
		}
		return value;
	}

	String zip(String value) {
		String trimmed = value.strip();
		if (!ZIP.matcher(trimmed).matches()) {
			throw TrackerProblems.invalid("zip");
		}
		return trimmed;
	}

	double coordinate(String value, double limit, String parameter) {
		try {
			double number = Double.parseDouble(value.strip());
			if (value.length() > 32 || !Double.isFinite(number) || Math.abs(number) > limit) {
				throw TrackerProblems.invalid(parameter);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw TrackerProblems.invalid(parameter);
		}
	}

	private static String oneOf(String value, Set<String> allowed, String parameter) {
		String upper = value.strip().toUpperCase(Locale.ROOT);
		if (!allowed.contains(upper)) {
			throw TrackerProblems.invalid(parameter);
		}
		return upper;
	}

	/**
	 * Absent when the parameter is missing; present but blank counts as given (and
	 * invalid).
	 */
	private static Optional<String> given(@Nullable String value) {
		return Optional.ofNullable(value);
	}

}
