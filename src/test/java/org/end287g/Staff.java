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

	/** An admin who signed in with a passkey. */
	public static RequestPostProcessor admin() {
		return SecurityMockMvcRequestPostProcessors.user(UUID.randomUUID().toString())
			.authorities(new SimpleGrantedAuthority("ROLE_ADMIN"),
					FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
	}

	/** An admin who signed in with a one-time link only. */
	public static RequestPostProcessor adminWithoutPasskey() {
		return SecurityMockMvcRequestPostProcessors.user(UUID.randomUUID().toString())
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
