package org.end287g.decide;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The elections of the directory's offices as other modules use them: upcoming contests
 * with their candidates' answers (never an endorsement, always sourced).
 */
public interface Elections {

	/** Today, as the elections count days (UTC). */
	LocalDate today();

	/** A state's elections whose general election is today or later, by date. */
	List<Election> upcoming(String state);

	/** A county's upcoming elections (its offices'), by date. */
	List<Election> upcomingInCounty(String countyFips);

	/** The upcoming elections of the office that heads this agency, by date. */
	List<Election> upcomingForAgency(String agencySlug);

	/**
	 * The first voting day (primary or general) of the office that heads this agency,
	 * today or later.
	 */
	Optional<LocalDate> nextElection(String agencySlug);

	/**
	 * Elections of the directory's offices (agencies' heads and the bodies that press
	 * them) with a voting day a reminder is due for: the day (or, for a general election,
	 * the start of early voting when known) falls within the next {@code daysBefore} days
	 * and the vote is not past.
	 */
	List<Due> dueReminders(LocalDate today, int daysBefore);

	/** A reminder due: the election and the voting day it is for. */
	record Due(Election election, LocalDate voteDate) {
	}

}
