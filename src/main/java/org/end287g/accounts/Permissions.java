package org.end287g.accounts;

import java.util.Set;

import org.end287g.problems.Problem;

import org.springframework.security.core.Authentication;

/**
 * Scoped rights, read from the database on every call (a revoked grant counts at once): a
 * leader's reach only the campaigns they lead, an organizer's only their organizations,
 * staff's everywhere. Pages refuse with {@link #outsideScope}: 404, not 403, when a check
 * fails on an id, so ids of others' campaigns and organizations are not confirmed to
 * exist.
 */
public interface Permissions {

	/**
	 * Staff: an active account with an active admin grant, signed in with a passkey, the
	 * same rule that guards {@code /admin/**}. A page that lets staff into a leader's or
	 * organizer's scope asks this, never only whether the person holds the admin role: an
	 * admin who signed in by link alone is not staff.
	 */
	boolean isStaff(Authentication authentication);

	/**
	 * The refusal for a person outside a page's scope: "not found" with this detail, or,
	 * for an admin who signed in without a passkey (who would be staff with one), a 403
	 * that says to sign in with a passkey. Thrown before the id is looked up, so neither
	 * confirms that it exists.
	 */
	Problem outsideScope(Authentication authentication, String detailCode);

	/** The signed-in person leads this campaign. */
	boolean leads(Authentication authentication, long campaignId);

	/** The signed-in person is an organizer of this organization. */
	boolean organizes(Authentication authentication, long organizationId);

	/** The campaigns the person leads. */
	Set<Long> campaignsLed(Authentication authentication);

	/** The organizations the person organizes. */
	Set<Long> organizationsOf(Authentication authentication);

}
