package org.end287g.alerts;

import java.util.Optional;

import org.end287g.places.Places;
import org.jspecify.annotations.Nullable;

/**
 * A place people follow: a county by its FIPS code, or a whole state by its postal code.
 *
 * @param code what a subscription stores ({@code 37071}, {@code NC})
 * @param name the county's or the state's name
 * @param stateCode the state's postal code
 */
public record AlertPlace(String code, String name, String stateCode) {

	public boolean county() {
		return this.code.length() == 5;
	}

	/** "Gaston County, NC" or "North Carolina", as mails and pages name it. */
	public String label() {
		return county() ? this.name + ", " + this.stateCode : this.name;
	}

	/**
	 * The place of a FIPS county code or a state's postal code; empty for anything else.
	 */
	static Optional<AlertPlace> of(@Nullable String code, Places places) {
		if (code == null) {
			return Optional.empty();
		}
		String trimmed = code.strip();
		if (trimmed.matches("[0-9]{5}")) {
			return places.county(trimmed)
				.map((county) -> new AlertPlace(county.fips(), county.name(), county.stateCode()));
		}
		if (trimmed.matches("[A-Za-z]{2}")) {
			return places.state(trimmed)
				.filter((state) -> state.code().equalsIgnoreCase(trimmed))
				.map((state) -> new AlertPlace(state.code(), state.name(), state.code()));
		}
		return Optional.empty();
	}

}
