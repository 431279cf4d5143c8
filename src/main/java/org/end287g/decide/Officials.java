package org.end287g.decide;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory as other modules use it: who heads an agency, a campaign's secondary
 * targets (by campaign id), and the self-reported calls and letters.
 */
public interface Officials {

	/** The current holder of the office that heads this agency (by tracker slug). */
	Optional<Official> headOf(String agencySlug);

	/**
	 * Offices of a state that have a current holder, for choosing targets; by kind and
	 * name.
	 */
	List<Official> inState(String state);

	/** The campaigns that chose this office as a secondary target, by id. */
	List<Long> campaignsTargeting(long officeId);

	/** A campaign's secondary targets that have a current holder, in the order added. */
	List<Official> targetsOf(long campaignId);

	/**
	 * Adds an office of the directory as a secondary target of a campaign; {@code false}
	 * when the office is unknown, has no holder, or is already a target.
	 * @param actor the account id that acts, for the audit log
	 */
	boolean addTarget(String actor, long campaignId, long officeId);

	/** Removes a secondary target; {@code false} when it was none. */
	boolean removeTarget(String actor, long campaignId, long officeId);

	/**
	 * Counts a call or letter a supporter reports, once per person (by a keyed hash of
	 * the client address that changes every day) per office, kind and day.
	 * @return {@code false} when this person already reported it today
	 */
	boolean recordContact(long campaignId, long officeId, ContactKind kind, String clientAddress);

	/** A campaign's counts of reported calls and letters per office id. */
	Map<Long, Counts> contactCounts(long campaignId);

	/** Reported calls and letters to one office for one campaign. */
	record Counts(long calls, long letters) {

		public static final Counts NONE = new Counts(0, 0);

	}

}
