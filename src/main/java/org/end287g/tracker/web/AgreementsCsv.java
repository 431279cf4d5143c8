package org.end287g.tracker.web;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementView;

/**
 * Agreements as RFC 4180 CSV. A cell that a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) is prefixed with a single quote.
 */
final class AgreementsCsv {

	static final String HEADER = "state,agency,agency_slug,agency_kind,county_fips,county,model,status,signed,"
			+ "first_listed,last_listed,moa_url,addendum_url";

	private AgreementsCsv() {
	}

	static String write(List<AgreementView> agreements) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (AgreementView a : agreements) {
			AgencyView agency = a.agency();
			csv.append(Stream
				.of(agency.state(), agency.name(), agency.slug(), agency.kind(),
						(agency.county() != null) ? agency.county().fips() : null,
						(agency.county() != null) ? agency.county().name() : null, a.model(), a.status(), a.signed(),
						a.firstListed(), a.lastListed(), a.moaUrl(), a.addendumUrl())
				.map((value) -> cell(Objects.toString(value, "")))
				.collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
