package org.end287g.accounts.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.end287g.accounts.Permissions;
import org.end287g.accounts.Roles;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

@Component
class JdbcPermissions implements Permissions {

	private final AccountStore store;

	JdbcPermissions(AccountStore store) {
		this.store = store;
	}

	@Override
	public boolean isStaff(Authentication authentication) {
		return StaffRule.admits(authentication) && adminGrant(authentication);
	}

	@Override
	public Problem outsideScope(Authentication authentication, String detailCode) {
		if (wouldBeStaffWithAPasskey(authentication)) {
			return Problem.of(HttpStatus.FORBIDDEN, "accounts.staffPasskey.title", "accounts.staffPasskey.detail");
		}
		return Problem.notFound(detailCode);
	}

	/** An admin (grant active in the database) who signed in without a passkey. */
	boolean wouldBeStaffWithAPasskey(@Nullable Authentication authentication) {
		return StaffRule.lacksOnlyThePasskey(authentication) && authentication != null && adminGrant(authentication);
	}

	@Override
	public boolean leads(Authentication authentication, long campaignId) {
		return campaignsLed(authentication).contains(campaignId);
	}

	@Override
	public boolean organizes(Authentication authentication, long organizationId) {
		return organizationsOf(authentication).contains(organizationId);
	}

	@Override
	public Set<Long> campaignsLed(Authentication authentication) {
		return scopes(authentication, Roles.LEADER, Grant::campaignId);
	}

	@Override
	public Set<Long> organizationsOf(Authentication authentication) {
		return scopes(authentication, Roles.ORGANIZER, Grant::organizationId);
	}

	private boolean adminGrant(Authentication authentication) {
		return active(authentication) && this.store.activeGrants(authentication.getName())
			.stream()
			.anyMatch((grant) -> grant.role() == Roles.ADMIN);
	}

	/** The scope of each grant of the role (the table's check gives each one). */
	private Set<Long> scopes(Authentication authentication, Roles role, Function<Grant, @Nullable Long> scope) {
		Set<Long> ids = new TreeSet<>();
		if (active(authentication)) {
			for (Grant grant : this.store.activeGrants(authentication.getName())) {
				Long id = scope.apply(grant);
				if (grant.role() == role && id != null) {
					ids.add(id);
				}
			}
		}
		return ids;
	}

	private boolean active(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)
				&& this.store.byId(authentication.getName()).map(Account::active).orElse(false);
	}

}
