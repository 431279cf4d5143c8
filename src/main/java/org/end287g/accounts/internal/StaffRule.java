package org.end287g.accounts.internal;

import org.end287g.accounts.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Who is staff, defined here only: a person with the admin role who signed in with a
 * passkey (the WebAuthn factor Spring Security adds at a passkey sign-in), not only with
 * a link sent by e-mail, which anyone who reads the person's mail could follow. The
 * security chain applies it to the staff paths ({@code /admin/**});
 * {@link JdbcPermissions} applies it, and reads the admin grant again from the database,
 * wherever staff may enter a leader's or organizer's scope; {@link AccessDenied} and the
 * scoped pages tell an admin who lacks only the passkey to add one.
 */
final class StaffRule {

	/** The authority the admin grant becomes at sign-in. */
	static final String ADMIN = "ROLE_" + Roles.ADMIN.name();

	/** The factor of a passkey sign-in. */
	static final String PASSKEY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

	private StaffRule() {
	}

	/** The person signed in as an admin, with a passkey. */
	static boolean admits(@Nullable Authentication authentication) {
		return admin(authentication) && has(authentication, PASSKEY);
	}

	/** The person signed in as an admin, but without a passkey (by link). */
	static boolean lacksOnlyThePasskey(@Nullable Authentication authentication) {
		return admin(authentication) && !has(authentication, PASSKEY);
	}

	/** The rule as the security chain applies it to a path. */
	static <T> AuthorizationManager<T> authorization() {
		return (authentication, object) -> new AuthorizationDecision(admits(authentication.get()));
	}

	private static boolean admin(@Nullable Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken) && has(authentication, ADMIN);
	}

	private static boolean has(@Nullable Authentication authentication, String authority) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(authority::equals);
	}

}
