package org.end287g.decide;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One contest for an office of the directory: the general election's day, its primary,
 * the filing deadline and the start of early voting when known, the source of the dates,
 * and the candidates with their answers, by name.
 *
 * @param countyFips the office's county, {@code null} for a state-wide or city office
 * @param agencySlug the agency the office heads, {@code null} for other offices
 */
public record Election(long id, long officeId, OfficeKind kind, String office, String state,
		@Nullable String countyFips, @Nullable String agencySlug, LocalDate generalDate,
		@Nullable LocalDate primaryDate, @Nullable LocalDate filingDeadline, @Nullable LocalDate earlyVotingStart,
		String sourceTitle, String sourceUrl, List<Candidate> candidates) {

	/** The first voting day on or after this day (the primary, then the general). */
	public @Nullable LocalDate nextVote(LocalDate today) {
		if (this.primaryDate != null && !this.primaryDate.isBefore(today)) {
			return this.primaryDate;
		}
		return this.generalDate.isBefore(today) ? null : this.generalDate;
	}

	/**
	 * One candidate and their answer.
	 *
	 * @param source {@code QUESTIONNAIRE} or {@code STATEMENT}, {@code null} without an
	 * answer
	 * @param sourceUrl the public statement's address, {@code null} for a questionnaire
	 */
	public record Candidate(long id, String name, @Nullable String party, Pledge pledge, @Nullable String statement,
			@Nullable String source, @Nullable String sourceTitle, @Nullable String sourceUrl,
			@Nullable LocalDate answeredOn) {
	}

}
