package org.end287g.accounts;

import java.util.Optional;

/**
 * Real accounts for other modules' tests, made the way an admin makes them (invitation
 * mail and audit entries included), so those tests need nothing of accounts' internals.
 * Every test application context has one: inject it.
 */
public interface TestAccounts {

	/** An account (made when the address has none) with an active ADMIN grant; its id. */
	String admin(String email, String name);

	/** An account (made when the address has none) leading the campaign; its id. */
	String leader(String email, String name, long campaignId);

	/**
	 * An account (made when the address has none) organizing the organization; its id.
	 */
	String organizer(String email, String name, long organizationId);

	/** A new organization of this name (made as staff make one); its id. */
	long organization(String name);

	/** The id of the account with this address, if any. */
	Optional<String> idOf(String email);

}
