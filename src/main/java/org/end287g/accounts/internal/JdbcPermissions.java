package org.end287g.accounts.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.end287g.accounts.Permissions;
import org.end287g.accounts.Roles;
import org.jspecify.annotations.Nullable;

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
	public boolean isAdmin(Authentication authentication) {
		return active(authentication) && this.store.activeGrants(authentication.getName())
			.stream()
			.anyMatch((grant) -> grant.role() == Roles.ADMIN);
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
