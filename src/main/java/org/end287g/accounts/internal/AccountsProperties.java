package org.end287g.accounts.internal;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.end287g.SiteAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.accounts.*}: the first admin's address, how long a sign-in lasts at most
 * and how long a sign-in link works; {@code end287g.webauthn.*}: the passkey relying
 * party. Links in e-mails start with {@link SiteAddress}.
 *
 * @param accounts sign-in and the first admin
 * @param webauthn passkeys: the relying party
 */
@ConfigurationProperties("end287g")
record AccountsProperties(@DefaultValue Accounts accounts, @DefaultValue WebAuthn webauthn) {

	/**
	 * Accounts and sign-in.
	 *
	 * @param bootstrapAdmin an e-mail address made admin at start while no active admin
	 * exists (blank: none)
	 * @param sessionMaxAge the longest a sign-in lasts, however active the person is
	 * (inactivity: spring.session.timeout)
	 * @param signInLinkValidity how long a sign-in link works (once)
	 * @param welcomeLinkValidity how long the sign-in link in a mail that welcomes
	 * someone to a role works (once): a leader's approval, read perhaps hours later,
	 * leads straight to their dashboard
	 */
	public record Accounts(@DefaultValue("") String bootstrapAdmin, @DefaultValue("P7D") Duration sessionMaxAge,
			@DefaultValue("PT15M") Duration signInLinkValidity, @DefaultValue("P3D") Duration welcomeLinkValidity) {

	}

	/**
	 * Passkeys. Both the id and the origins follow the site's address
	 * ({@code end287g.site.base-url}) unless set.
	 *
	 * @param rpId the relying party id: the site's host name (blank: the host of the
	 * site's address)
	 * @param rpName the site's name as browsers show it beside a passkey
	 * @param allowedOrigins the origins pages are served from: scheme, host and port
	 * (empty: the origin of the site's address)
	 */
	public record WebAuthn(@DefaultValue("") String rpId, @DefaultValue("end287g") String rpName,
			@DefaultValue Set<String> allowedOrigins) {

		/** The relying party id in effect. */
		String relyingPartyId(SiteAddress site) {
			return this.rpId.isBlank() ? site.host() : this.rpId;
		}

		/** The origins in effect. */
		Set<String> origins(SiteAddress site) {
			return this.allowedOrigins.isEmpty() ? Set.of(site.origin()) : this.allowedOrigins;
		}

		/** Where passkeys work, as a page names it when one is refused elsewhere. */
		String originsText(SiteAddress site) {
			return String.join(", ", new TreeSet<>(origins(site)));
		}

	}

}
