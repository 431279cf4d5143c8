package org.end287g.tracker;

import java.time.LocalDate;

/** One agreement (an agency and a support model) with its current status. */
public record AgreementView(AgencyView agency, String model, LocalDate signed, String status, LocalDate firstListed,
		LocalDate lastListed, String moaUrl, String addendumUrl) {

	public boolean listed() {
		return !"REMOVED".equals(this.status);
	}

}
