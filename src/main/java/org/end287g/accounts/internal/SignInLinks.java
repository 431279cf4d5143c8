package org.end287g.accounts.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.accounts.AccountDirectory;
import org.end287g.audit.AuditLog;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a sign-in link to an active account's address: a one-time token (Spring
 * Security's token login, stored as a keyed hash by {@link HashedOneTimeTokens}) and the
 * mail that carries it, in one transaction. A new link replaces the account's previous
 * one. Says nothing about whether the address has an account.
 */
@Component
@ConditionalOnWebApplication
class SignInLinks {

	private final AccountStore store;

	private final HashedOneTimeTokens tokens;

	private final Outbox outbox;

	private final AuditLog audit;

	private final AccountsProperties properties;

	private final SiteAddress site;

	SignInLinks(AccountStore store, HashedOneTimeTokens tokens, Outbox outbox, AuditLog audit,
			AccountsProperties properties, SiteAddress site) {
		this.store = store;
		this.tokens = tokens;
		this.outbox = outbox;
		this.audit = audit;
		this.properties = properties;
		this.site = site;
	}

	/**
	 * A new link by mail, when {@code mail} (the address is under its mail cap). Past the
	 * cap no mail is sent and no token made: the newest link already mailed, unless used,
	 * works again for a link's validity from now, so the person who asked finds a working
	 * link in their mailbox however many requests others made for their address.
	 */
	@Transactional
	void send(String email, boolean mail) {
		this.store.byEmail(email).filter(Account::active).ifPresent((account) -> {
			if (!mail) {
				this.tokens.renew(account.id(), this.properties.accounts().signInLinkValidity());
				return;
			}
			String link = newLink(account);
			long minutes = this.properties.accounts().signInLinkValidity().toMinutes();
			String address = Objects.requireNonNull(account.email(), "an account found by its address has one");
			// useless once the link stops working: never sent later than that
			this.outbox.enqueue(Mail
				.transactional(address, account.locale(), "sign-in-link",
						Map.of("link", link, "minutes", minutes, "subjectArgs", List.of()))
				.usefulFor(this.properties.accounts().signInLinkValidity()));
			this.audit.record(account.id(), "sign-in.link-requested", account.id(), null);
		});
	}

	/**
	 * A link for the first admin of an installation that keeps its mail (no SMTP server):
	 * the mail would wait on a staff page only an admin with a passkey can open.
	 */
	@Transactional
	Optional<String> firstAdminLink(String email) {
		return this.store.byEmail(email).filter(Account::active).map((account) -> {
			this.audit.record("system", "sign-in.link-requested", account.id(), "bootstrap, mail kept");
			return newLink(account);
		});
	}

	/**
	 * A link for a mail that welcomes an active account to a role, valid for the longer
	 * {@code welcome-link-validity} (the person did not just ask for it, and may read the
	 * mail hours later), landing on {@code landing} (already checked by the caller).
	 */
	@Transactional
	AccountDirectory.SignInLink welcomeLink(String accountId, String landing) {
		Account account = this.store.byId(accountId)
			.filter(Account::active)
			.orElseThrow(() -> new IllegalArgumentException("No active account " + accountId));
		this.audit.record("system", "sign-in.link-requested", account.id(), "welcome, lands on " + landing);
		Duration validity = this.properties.accounts().welcomeLinkValidity();
		return new AccountDirectory.SignInLink(UriComponentsBuilder.fromUriString(link(account, validity))
			.queryParam(LandingRedirect.NEXT, landing)
			.build()
			.toUriString(), validity);
	}

	private String newLink(Account account) {
		return link(account, this.properties.accounts().signInLinkValidity());
	}

	private String link(Account account, Duration validity) {
		OneTimeToken token = this.tokens.generate(new GenerateOneTimeTokenRequest(account.id(), validity));
		return UriComponentsBuilder.fromUriString(this.site.link("/sign-in/link"))
			.queryParam("token", token.getTokenValue())
			.build()
			.toUriString();
	}

}
