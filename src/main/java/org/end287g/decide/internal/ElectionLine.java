package org.end287g.decide.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One election, and optionally one of its candidates, as staff type them or as a line of
 * the elections CSV gives them: the office (found in the directory by its identity), the
 * dates, the candidate and the source. {@link #check} names each wrong field with a
 * message key; the CSV's columns are these fields in this order.
 */
record ElectionLine(String kind, String officeName, String countyFips, String city, String agencySlug,
		String generalDate, String primaryDate, String filingDeadline, String earlyVotingStart, String candidateName,
		String party, String candidateEmail, String candidateWebsite, String sourceTitle, String sourceUrl,
		String checkedOn) {

	/** The CSV's header: the columns, in order. */
	static final String[] COLUMNS = { "kind", "office_name", "county_fips", "city", "agency_slug", "general_date",
			"primary_date", "filing_deadline", "early_voting_start", "candidate_name", "party", "candidate_email",
			"candidate_website", "source_title", "source_url", "checked_on" };

	ElectionLine {
		kind = clean(kind).toUpperCase(Locale.ROOT);
		officeName = clean(officeName);
		countyFips = clean(countyFips);
		city = clean(city);
		agencySlug = clean(agencySlug).toLowerCase(Locale.ROOT);
		generalDate = clean(generalDate);
		primaryDate = clean(primaryDate);
		filingDeadline = clean(filingDeadline);
		earlyVotingStart = clean(earlyVotingStart);
		candidateName = clean(candidateName).replaceAll("\\s+", " ");
		party = clean(party);
		candidateEmail = clean(candidateEmail);
		candidateWebsite = clean(candidateWebsite);
		sourceTitle = clean(sourceTitle);
		sourceUrl = clean(sourceUrl);
		checkedOn = clean(checkedOn);
	}

	static ElectionLine of(String[] v) {
		return new ElectionLine(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
				v[14], v[15]);
	}

	/** A form's line for an office of the directory. */
	static ElectionLine forOffice(Directory.Office o, ElectionForm form) {
		return new ElectionLine(o.kind().name(), o.name(), nz(o.countyFips()), nz(o.city()), nz(o.agencySlug()),
				form.generalDate(), form.primaryDate(), form.filingDeadline(), form.earlyVotingStart(),
				form.candidateName(), form.party(), form.candidateEmail(), form.candidateWebsite(), form.sourceTitle(),
				form.sourceUrl(), form.checkedOn());
	}

	private static String clean(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	private static String nz(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/** The office's identity in the directory, as {@link Entry#officeKey()} builds it. */
	String officeKey(String state) {
		return new Entry(this.kind, this.officeName, state, this.countyFips, this.city, this.agencySlug, "", "", "", "",
				"", "", "", "", "", "", "", "")
			.officeKey();
	}

	/** The candidate's identity within an election: the name, case and spaces aside. */
	String candidateKey() {
		return this.candidateName.toLowerCase(Locale.ROOT);
	}

	/** The wrong fields (field name to message key); empty when all fit. */
	Map<String, String> check(LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate general = Entry.date(errors, "generalDate", this.generalDate, true);
		LocalDate primary = Entry.date(errors, "primaryDate", this.primaryDate, false);
		LocalDate filing = Entry.date(errors, "filingDeadline", this.filingDeadline, false);
		LocalDate early = Entry.date(errors, "earlyVotingStart", this.earlyVotingStart, false);
		if (general != null) {
			if (primary != null && !primary.isBefore(general)) {
				errors.put("primaryDate", "decide.elections.error.primary");
			}
			if (filing != null && !filing.isBefore(general)) {
				errors.put("filingDeadline", "decide.elections.error.filing");
			}
			if (early != null && (early.isAfter(general) || (primary != null && !early.isAfter(primary)))) {
				errors.put("earlyVotingStart", "decide.elections.error.early");
			}
		}
		Entry.text(errors, "candidateName", this.candidateName, 200, false);
		Entry.text(errors, "party", this.party, 100, false);
		if (!this.candidateEmail.isEmpty()
				&& (this.candidateEmail.length() > 254 || !Entry.EMAIL.matcher(this.candidateEmail).matches())) {
			errors.put("candidateEmail", "decide.error.email");
		}
		Entry.url(errors, "candidateWebsite", this.candidateWebsite, false);
		if (this.candidateName.isEmpty() && !(this.party + this.candidateEmail + this.candidateWebsite).isEmpty()) {
			errors.put("candidateName", "decide.elections.error.candidateName");
		}
		Entry.text(errors, "sourceTitle", this.sourceTitle, 300, true);
		Entry.url(errors, "sourceUrl", this.sourceUrl, true);
		LocalDate checked = Entry.date(errors, "checkedOn", this.checkedOn, true);
		if (checked != null && checked.isAfter(today)) {
			errors.put("checkedOn", "decide.error.checkedOn.future");
		}
		return errors;
	}

	/** The same election's dates as another line's, blanks aside. */
	boolean sameDates(ElectionLine other) {
		return agree(this.primaryDate, other.primaryDate) && agree(this.filingDeadline, other.filingDeadline)
				&& agree(this.earlyVotingStart, other.earlyVotingStart);
	}

	private static boolean agree(String a, String b) {
		return a.isEmpty() || b.isEmpty() || a.equals(b);
	}

}
