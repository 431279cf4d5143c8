package org.end287g.campaigns;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The campaigns, one per agency that has had an ACTIVE or PENDING agreement. */
public interface Campaigns {

	/** The campaign with this slug; empty for any unknown or malformed slug. */
	Optional<Campaign> find(String slug);

	/** The campaign with this id. */
	Optional<Campaign> byId(long id);

	/** The campaign of the agency with this tracker slug. */
	Optional<Campaign> forAgency(String agencySlug);

	/** How many campaigns there are. */
	long count();

	/** A page of every campaign, oldest first (the OSDI list of petitions). */
	List<Campaign> page(int offset, int limit);

	/** Campaigns of one state (upper-case postal code), sorted by title. */
	List<Campaign> inState(String state);

	/** The campaigns an organization is a partner of, sorted by title. */
	List<Campaign> partneredBy(long organizationId);

	/** The ids of a campaign's partner organizations (staff choose them). */
	List<Long> partnerIds(long campaignId);

	/**
	 * Creates the campaign of every agency with an ACTIVE or PENDING agreement that has
	 * none yet. Idempotent and safe on several instances at once; returns how many this
	 * call created.
	 */
	int createMissing();

	/**
	 * Creates the missing campaigns of those of the given agencies (by slug) with an
	 * ACTIVE or PENDING agreement, as {@link #createMissing()} does for all.
	 */
	int createMissing(Collection<String> agencySlugs);

}
