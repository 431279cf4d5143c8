package org.end287g.accounts.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Spring Security knows a person by their account id. At sign-in the account's active
 * grants become ROLE_LEADER, ROLE_ORGANIZER and ROLE_ADMIN; a disabled or forgotten
 * account cannot sign in. There is no password.
 */
@Component
class AccountUserDetails implements UserDetailsService {

	private final AccountStore store;

	AccountUserDetails(AccountStore store) {
		this.store = store;
	}

	@Override
	public UserDetails loadUserByUsername(String accountId) {
		Account account = this.store.byId(accountId)
			.filter(Account::active)
			.orElseThrow(() -> new UsernameNotFoundException("No active account"));
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		this.store.activeGrants(account.id())
			.forEach((grant) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + grant.role().name())));
		return User.withUsername(account.id()).password("").authorities(authorities).build();
	}

}
