package org.end287g.accounts.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.end287g.audit.AuditLog;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything a sign-in leaves behind, for links and passkeys alike: the session's sign-in
 * details (for the absolute lifetime and the sessions page), the browser's device cookie,
 * a mail when the browser is new for the account, the last sign-in time and an audit
 * entry.
 */
@Component
public class SignInRecorder {

	/** A random value per browser; only its keyed hash is stored. */
	public static final String DEVICE_COOKIE = "END287G_DEVICE";

	private static final Duration DEVICE_COOKIE_AGE = Duration.ofDays(400);

	private final SecureRandom random = new SecureRandom();

	private final AccountStore store;

	private final AuditLog audit;

	private final Outbox outbox;

	private final BlindIndex index;

	private final AccountsProperties properties;

	SignInRecorder(AccountStore store, AuditLog audit, Outbox outbox, BlindIndex index, AccountsProperties properties) {
		this.store = store;
		this.audit = audit;
		this.outbox = outbox;
		this.index = index;
		this.properties = properties;
	}

	/**
	 * Records the sign-in (one transaction: call it on the Spring bean, see
	 * {@code SecurityConfig}).
	 */
	@Transactional
	public void record(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		String accountId = authentication.getName();
		String method = (authentication instanceof WebAuthnAuthentication) ? SignInDetails.PASSKEY : SignInDetails.LINK;
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		String browser = UserAgents.browser(userAgent);
		String system = UserAgents.system(userAgent);
		boolean newDevice = !this.store.seenDevice(accountId, this.index.of("device", deviceCookie(request, response)));
		Instant now = this.store.now().toInstant();
		HttpSession session = request.getSession();
		session.setAttribute(SignInDetails.SIGNED_IN_AT, now.toEpochMilli());
		session.setAttribute(SignInDetails.METHOD, method);
		session.setAttribute(SignInDetails.BROWSER, browser);
		session.setAttribute(SignInDetails.SYSTEM, system);
		session.setAttribute(SignInDetails.NEW_DEVICE, newDevice);
		this.store.signedIn(accountId);
		this.audit.record(accountId, "sign-in", accountId, "method=" + method + (newDevice ? " new-device" : ""));
		if (newDevice) {
			this.store.byId(accountId).filter((account) -> account.email() != null).ifPresent((account) -> {
				Map<String, Object> model = new LinkedHashMap<>();
				model.put("signedInAt", now);
				model.put("browser", browser);
				model.put("system", system);
				model.put("method", method);
				model.put("sessionsUrl", this.properties.site().url("/account/sessions"));
				model.put("subjectArgs", List.of());
				this.outbox.enqueue(Mail.transactional(account.email(), account.locale(), "new-sign-in", model));
			});
		}
	}

	/** The browser's device value, set now when it has none. */
	private String deviceCookie(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null
						&& cookie.getValue().length() == 43) {
					return cookie.getValue();
				}
			}
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(DEVICE_COOKIE, value)
					.httpOnly(true)
					.secure(true)
					.sameSite("Lax")
					.path("/")
					.maxAge(DEVICE_COOKIE_AGE)
					.build()
					.toString());
		return value;
	}

}
