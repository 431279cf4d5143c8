package org.end287g.accounts.internal;

import java.util.List;
import java.util.Optional;

import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link AccountDirectory} on the accounts and role grants tables. */
@Component
class JdbcAccountDirectory implements AccountDirectory {

	private final JdbcClient jdbc;

	private final AccountStore store;

	private final AccountService accounts;

	private final ObjectProvider<SignInLinks> links;

	JdbcAccountDirectory(JdbcClient jdbc, AccountStore store, AccountService accounts,
			ObjectProvider<SignInLinks> links) {
		this.jdbc = jdbc;
		this.store = store;
		this.accounts = accounts;
		this.links = links;
	}

	@Override
	@Transactional
	public Optional<String> appointLeader(String actor, String email, @Nullable String name, String language,
			long campaignId) {
		AccountService.InviteResult result = this.accounts.appoint(actor, email, name, language,
				new AccountService.RoleRequest(Roles.LEADER, null, campaignId));
		return (result.outcome() == AccountService.Outcome.REFUSED) ? Optional.empty()
				: Optional.of(result.accountId());
	}

	@Override
	@Transactional
	public SignInLink signInLink(String accountId, String landing) {
		if (SignInLanding.next(landing) == null) {
			throw new IllegalArgumentException("Not a landing a sign-in link may name: " + landing);
		}
		SignInLinks links = this.links.getIfAvailable();
		if (links == null) {
			throw new IllegalStateException("Sign-in links are made only where the site runs");
		}
		return links.welcomeLink(accountId, landing);
	}

	@Override
	public List<Recipient> leadersOf(long campaignId) {
		return recipients(this.jdbc.sql("""
				SELECT DISTINCT g.account_id FROM role_grants g JOIN accounts a ON a.id = g.account_id
				WHERE g.role = 'LEADER' AND g.campaign_id = ? AND g.revoked_at IS NULL AND a.disabled_at IS NULL""")
			.param(campaignId)
			.query((rs, row) -> rs.getString("account_id"))
			.list());
	}

	@Override
	public Optional<Recipient> recipient(String accountId) {
		return this.store.byId(accountId).flatMap(JdbcAccountDirectory::recipient);
	}

	@Override
	public List<Recipient> admins() {
		return recipients(this.jdbc.sql("""
				SELECT DISTINCT g.account_id FROM role_grants g JOIN accounts a ON a.id = g.account_id
				WHERE g.role = 'ADMIN' AND g.revoked_at IS NULL AND a.disabled_at IS NULL""")
			.query((rs, row) -> rs.getString("account_id"))
			.list());
	}

	private List<Recipient> recipients(List<String> accountIds) {
		return accountIds.stream()
			.sorted()
			.map(this.store::byId)
			.flatMap(Optional::stream)
			.flatMap((account) -> recipient(account).stream())
			.toList();
	}

	/** Disabled and forgotten accounts are written to by no one. */
	private static Optional<Recipient> recipient(Account account) {
		String email = account.email();
		return (account.active() && email != null)
				? Optional.of(new Recipient(account.id(), email, account.name(), account.locale())) : Optional.empty();
	}

}
