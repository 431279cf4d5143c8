package org.end287g.decide.internal;

import org.jspecify.annotations.Nullable;

/**
 * Staff's form for an election of an office and, optionally, one candidate: the office by
 * its id in the directory, every other value as typed (checked as a CSV line is).
 */
record ElectionForm(String office, String generalDate, String primaryDate, String filingDeadline,
		String earlyVotingStart, String candidateName, String party, String candidateEmail, String candidateWebsite,
		String sourceTitle, String sourceUrl, String checkedOn) {

	ElectionForm {
		office = nz(office);
		generalDate = nz(generalDate);
		primaryDate = nz(primaryDate);
		filingDeadline = nz(filingDeadline);
		earlyVotingStart = nz(earlyVotingStart);
		candidateName = nz(candidateName);
		party = nz(party);
		candidateEmail = nz(candidateEmail);
		candidateWebsite = nz(candidateWebsite);
		sourceTitle = nz(sourceTitle);
		sourceUrl = nz(sourceUrl);
		checkedOn = nz(checkedOn);
	}

	static ElectionForm empty() {
		return new ElectionForm("", "", "", "", "", "", "", "", "", "", "", "");
	}

	private static String nz(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

}
