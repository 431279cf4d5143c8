package org.end287g.accounts.internal;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.accounts.*}: the first admin's address, how long a sign-in lasts at most
 * and how long a sign-in link works; {@code end287g.webauthn.*}: the passkey relying
 * party; {@code end287g.site.base-url}: the address links in e-mails start with.
 */
@ConfigurationProperties("end287g")
record AccountsProperties(@DefaultValue Accounts accounts, @DefaultValue WebAuthn webauthn, @DefaultValue Site site) {

	/**
	 * Accounts and sign-in.
	 *
	 * @param bootstrapAdmin an e-mail address made admin at start while no admin exists
	 * @param sessionMaxAge the longest a sign-in lasts, however active the person is
	 * @param signInLinkValidity how long a sign-in link works
	 */
	public record Accounts(@DefaultValue("") String bootstrapAdmin, @DefaultValue("P7D") Duration sessionMaxAge,
			@DefaultValue("PT15M") Duration signInLinkValidity) {

	}

	public record WebAuthn(@DefaultValue("localhost") String rpId, @DefaultValue("end287g") String rpName,
			@DefaultValue("http://localhost:8080") Set<String> allowedOrigins) {

	}

	public record Site(@DefaultValue("http://localhost:8080") String baseUrl) {

		/** The base address without a trailing slash. */
		public String url(String path) {
			String base = this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1)
					: this.baseUrl;
			return base + path;
		}

	}

}
