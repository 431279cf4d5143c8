package org.end287g.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What other modules may ask of accounts: appoint a campaign's leader, give them a way
 * in, and find whom to tell about a campaign (its leaders and national staff).
 */
public interface AccountDirectory {

	/**
	 * Creates the account when the address has none and grants LEADER for the campaign,
	 * in the caller's transaction, with audit entries naming the actor. Sends no mail:
	 * the caller tells the new leader, with a {@link #signInLink} in the same mail.
	 * Appointing a current leader again changes nothing.
	 * @return the account's id, or empty when that account is disabled
	 */
	Optional<String> appointLeader(String actor, String email, @Nullable String name, String language, long campaignId);

	/**
	 * A one-time sign-in link for a mail that welcomes the person to a role (a leader's
	 * approval), made in the caller's transaction: it signs the account in once, within
	 * {@code end287g.accounts.welcome-link-validity}, and lands on {@code landing}. Like
	 * every sign-in link it replaces the account's previous one and is stored only as a
	 * keyed hash; once used or expired, the person asks for a new one on the sign-in
	 * page.
	 * @param accountId an active account
	 * @param landing a path in the signed-in areas, such as {@code /leader/campaigns/7}
	 */
	SignInLink signInLink(String accountId, String landing);

	/**
	 * A one-time sign-in link and how long it works from now.
	 *
	 * @param url the absolute link, for a mail
	 * @param validity how long it works (once)
	 */
	record SignInLink(String url, Duration validity) {

		@Override
		public String toString() {
			return "SignInLink[...]";
		}

	}

	/** Active accounts with an active LEADER grant for this campaign. */
	List<Recipient> leadersOf(long campaignId);

	/**
	 * The account to write to, when it is active and has an address (an organizer's own
	 * address, to confirm that it is at their organization's domain).
	 */
	Optional<Recipient> recipient(String accountId);

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
