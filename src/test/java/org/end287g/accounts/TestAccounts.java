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

	/** The id of the account with this address, if any. */
	Optional<String> idOf(String email);

}
