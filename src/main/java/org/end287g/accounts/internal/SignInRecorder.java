package org.end287g.accounts.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.end287g.SiteAddress;
import org.end287g.audit.AuditLog;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a sign-in leaves in the database, for links and passkeys alike: whether the
 * browser is new for the account (then a mail), the last sign-in time and an audit entry.
 * {@link RecordedSignIn} keeps the rest in the session and the browser.
 */
@Component
class SignInRecorder {

	private final AccountStore store;

	private final AuditLog audit;

	private final Outbox outbox;

	private final BlindIndex index;

	private final SiteAddress site;

	SignInRecorder(AccountStore store, AuditLog audit, Outbox outbox, BlindIndex index, SiteAddress site) {
		this.store = store;
		this.audit = audit;
		this.outbox = outbox;
		this.index = index;
		this.site = site;
	}

	/** What the session remembers of a sign-in ({@link SignInDetails}). */
	record SignIn(Instant at, String method, String browser, String system, boolean newDevice) {
	}

	/**
	 * Records the sign-in in one transaction (called through the bean's proxy).
	 * @param userAgent the browser's User-Agent header, if any
	 * @param device the browser's device cookie value
	 */
	@Transactional
	public SignIn record(Authentication authentication, @Nullable String userAgent, String device) {
		String accountId = authentication.getName();
		String method = (authentication instanceof WebAuthnAuthentication) ? SignInDetails.PASSKEY : SignInDetails.LINK;
		String browser = UserAgents.browser(userAgent);
		String system = UserAgents.system(userAgent);
		boolean newDevice = !this.store.seenDevice(accountId, this.index.of("device", device));
		Instant now = this.store.now().toInstant();
		this.store.signedIn(accountId);
		this.audit.record(accountId, "sign-in", accountId, "method=" + method + (newDevice ? " new-device" : ""));
		if (newDevice) {
			this.store.byId(accountId).ifPresent((account) -> {
				String email = account.email();
				if (email == null) {
					return;
				}
				Map<String, Object> model = new LinkedHashMap<>();
				model.put("signedInAt", now);
				model.put("browser", browser);
				model.put("system", system);
				model.put("method", method);
				model.put("sessionsUrl", this.site.link("/account/sessions"));
				model.put("subjectArgs", List.of());
				this.outbox.enqueue(Mail.transactional(email, account.locale(), "new-sign-in", model));
			});
		}
		return new SignIn(now, method, browser, system, newDevice);
	}

}
