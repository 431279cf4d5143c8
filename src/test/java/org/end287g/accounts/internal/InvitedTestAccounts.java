package org.end287g.accounts.internal;

import java.util.Optional;

import org.end287g.accounts.Roles;
import org.end287g.accounts.TestAccounts;
import org.end287g.accounts.internal.AccountService.RoleRequest;

import org.springframework.stereotype.Component;

/**
 * {@link TestAccounts} through the accounts service. A component of the test classes: the
 * application's component scan finds it in every test application context.
 */
@Component
class InvitedTestAccounts implements TestAccounts {

	private final AccountService accounts;

	private final AccountStore store;

	InvitedTestAccounts(AccountService accounts, AccountStore store) {
		this.accounts = accounts;
		this.store = store;
	}

	@Override
	public String admin(String email, String name) {
		return invite(email, name, new RoleRequest(Roles.ADMIN, null, null));
	}

	@Override
	public String leader(String email, String name, long campaignId) {
		return invite(email, name, new RoleRequest(Roles.LEADER, null, campaignId));
	}

	@Override
	public String organizer(String email, String name, long organizationId) {
		return invite(email, name, new RoleRequest(Roles.ORGANIZER, organizationId, null));
	}

	@Override
	public long organization(String name) {
		return this.accounts.createOrganization("test-admin", name).orElseThrow();
	}

	@Override
	public Optional<String> idOf(String email) {
		return this.store.byEmail(email).map(Account::id);
	}

	private String invite(String email, String name, RoleRequest role) {
		return this.accounts.invite("test-admin", email, name, "en", role).accountId();
	}

}
