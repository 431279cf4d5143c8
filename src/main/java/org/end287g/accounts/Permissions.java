package org.end287g.accounts;

import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * Scoped rights, read from the database on every call (a revoked grant counts at once): a
 * leader's reach only the campaigns they lead, an organizer's only their organizations.
 * Pages answer 404, not 403, when a check fails on an id, so ids of others' campaigns and
 * organizations are not confirmed to exist.
 */
public interface Permissions {

	/** An active account with an active admin grant (whatever way they signed in). */
	boolean isAdmin(Authentication authentication);

	/** The signed-in person leads this campaign. */
	boolean leads(Authentication authentication, long campaignId);

	/** The signed-in person is an organizer of this organization. */
	boolean organizes(Authentication authentication, long organizationId);

	/** The campaigns the person leads. */
	Set<Long> campaignsLed(Authentication authentication);

	/** The organizations the person organizes. */
	Set<Long> organizationsOf(Authentication authentication);

}
