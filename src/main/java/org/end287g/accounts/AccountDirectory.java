package org.end287g.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may ask of accounts: appoint a campaign's leader and find whom to
 * tell about a campaign (its leaders and national staff).
 */
public interface AccountDirectory {

	/**
	 * Creates the account when the address has none, grants LEADER for the campaign and
	 * sends the invitation to sign in, all in the caller's transaction, with audit
	 * entries naming the actor. Appointing a current leader again changes nothing.
	 * @return the account's id, or empty when that account is disabled
	 */
	Optional<String> appointLeader(String actor, String email, @Nullable String name, String language, long campaignId);

	/** Active accounts with an active LEADER grant for this campaign. */
	List<Recipient> leadersOf(long campaignId);

	/** Active accounts with an active ADMIN grant: national staff. */
	List<Recipient> admins();

	/** Someone to write to, in their language. */
	record Recipient(String accountId, String email, @Nullable String name, Locale language) {

		@Override
		public String toString() {
			return "Recipient[" + this.accountId + "]";
		}

	}

}
