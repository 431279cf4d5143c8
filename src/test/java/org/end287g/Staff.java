package org.end287g;

import java.util.UUID;

import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signed-in people for MockMvc tests of pages whose sign-in is not what the test is
 * about. The name is a random account id, as real sign-ins use.
 */
public final class Staff {

	private Staff() {
	}

	/**
	 * An admin who signed in with a passkey: staff on the staff paths (pages that let
	 * staff into leaders' scopes also read the grant: use {@link #admin(String)} there).
	 */
	public static RequestPostProcessor admin() {
		return admin(UUID.randomUUID().toString());
	}

	/** An admin who signed in with a one-time link only. */
	public static RequestPostProcessor adminWithoutPasskey() {
		return adminWithoutPasskey(UUID.randomUUID().toString());
	}

	/** This account (a real one with an admin grant: staff) signed in with a passkey. */
	public static RequestPostProcessor admin(String accountId) {
		return SecurityMockMvcRequestPostProcessors.user(accountId)
			.authorities(new SimpleGrantedAuthority("ROLE_ADMIN"),
					FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
	}

	/** This account signed in with a one-time link only: an admin, but not staff. */
	public static RequestPostProcessor adminWithoutPasskey(String accountId) {
		return SecurityMockMvcRequestPostProcessors.user(accountId)
			.authorities(new SimpleGrantedAuthority("ROLE_ADMIN"),
					FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY));
	}

	/** An organizer (of no organization in the database). */
	public static RequestPostProcessor organizer() {
		return SecurityMockMvcRequestPostProcessors.user(UUID.randomUUID().toString())
			.authorities(new SimpleGrantedAuthority("ROLE_ORGANIZER"),
					FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
	}

}
