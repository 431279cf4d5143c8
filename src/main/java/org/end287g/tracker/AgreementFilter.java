package org.end287g.tracker;

import java.util.Optional;

/**
 * Which agreements to list; every part is optional. Values must already be validated:
 * state code (upper case), county FIPS, status and model in upper case.
 */
public record AgreementFilter(Optional<String> state, Optional<String> countyFips, Optional<String> status,
		Optional<String> model) {

	public static AgreementFilter all() {
		return new AgreementFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
	}

	public boolean accepts(AgreementView agreement) {
		AgencyView agency = agreement.agency();
		String fips = (agency.county() != null) ? agency.county().fips() : null;
		return this.state.map(agency.state()::equals).orElse(true)
				&& this.countyFips.map((wanted) -> wanted.equals(fips)).orElse(true)
				&& this.status.map(agreement.status()::equals).orElse(true)
				&& this.model.map(agreement.model()::equals).orElse(true);
	}

}
