package org.end287g.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.SignedIn.Browser;
import org.end287g.site.AccessibleHtml;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in by a link sent by e-mail, and what an attacker tries against it. */
class SignInTests extends AccountsMockMvcTests {

	@Autowired
	HashedSessionIds sessionIds;

	@Test
	void theSignInPageIsTranslatedAndAccessible() throws Exception {
		String english = this.mvc.perform(get("/sign-in"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Send me a sign-in link")
			.contains("data-passkey-sign-in")
			.contains("/js/passkeys.js");
		assertThat(AccessibleHtml.problems(english)).isEmpty();
		this.mvc.perform(get("/sign-in").header("Accept-Language", "es"))
			.andExpect(content().string(containsString("Enviarme un enlace para iniciar sesión")));
	}

	@Test
	void aLinkByEmailSignsInOnceAndShowsTheSessions() throws Exception {
		String email = SignedIn.newEmail();
		Account account = this.signedIn.leader(email, 11);
		String token = this.signedIn.requestToken(email);
		QueuedMail.Message message = this.mail.last(email, "sign-in-link");
		assertThat(message.body()).contains("http://localhost:8080/sign-in/link?token=" + token).contains("15 minutes");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in.link-requested' AND subject = ?")
					.param(account.id())
					.query(Integer.class)
					.single())
			.isEqualTo(1);

		// The link opens a page whose button posts the token: fetching the link uses
		// nothing up.
		String page = this.mvc.perform(get("/sign-in/link").param("token", token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("action=\"/login/ott\"").contains("value=\"" + token + "\"");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		this.mvc.perform(get("/sign-in/link").param("token", token)).andExpect(status().isOk());

		MockHttpServletResponse signIn = this.signedIn.useToken(token);
		assertThat(signIn.getRedirectedUrl()).isEqualTo("/leader/campaigns/" + this.signedIn.campaign(11));
		Browser browser = new Browser(signIn.getCookie(SignedIn.SESSION_COOKIE),
				signIn.getCookie(SignedIn.DEVICE_COOKIE));
		assertThat(browser.session().isHttpOnly()).isTrue();
		assertThat(browser.session().getSecure()).isTrue();
		assertThat(signIn.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("END287G_SESSION=")
				&& cookie.contains("SameSite=Lax") && cookie.contains("Secure") && cookie.contains("HttpOnly"));
		assertThat(browser.device().isHttpOnly()).isTrue();
		assertThat(browser.device().getSecure()).isTrue();
		assertThat(signIn.getHeaders("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("END287G_DEVICE=")
				&& cookie.contains("SameSite=Lax") && cookie.contains("Secure") && cookie.contains("HttpOnly"));

		String sessions = this.mvc.perform(browser.get("/account/sessions"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(sessions).contains("Chrome · Linux").contains("This device").contains("e-mail link");
		assertThat(sessions)
			.doesNotContain(this.jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = ?")
				.param(account.id())
				.query(String.class)
				.single());
		assertThat(AccessibleHtml.problems(sessions)).isEmpty();
		assertThat(this.jdbc.sql("SELECT details FROM audit_log WHERE action = 'sign-in' AND actor = ?")
			.param(account.id())
			.query(String.class)
			.single()).startsWith("method=link");

		// Used once: the same token is refused with the translated message.
		this.mvc.perform(post("/login/ott").param("token", token).with(csrf()))
			.andExpect(redirectedUrl("/sign-in?link=invalid"));
		this.mvc.perform(get("/sign-in").param("link", "invalid").header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Este enlace para iniciar sesión venció o ya se usó. Pida uno nuevo.")));
		this.mvc.perform(get("/sign-in").param("link", "invalid"))
			.andExpect(content()
				.string(containsString("This sign-in link has expired or was already used. Ask for a new one.")));
	}

	@Test
	void anExpiredLinkIsRefused() throws Exception {
		String email = SignedIn.newEmail();
		Account account = this.signedIn.leader(email, 12);
		String token = this.signedIn.requestToken(email);
		this.jdbc.sql("UPDATE one_time_tokens SET expires_at = ? WHERE account_id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(60)), account.id())
			.update();
		MockHttpServletResponse response = this.signedIn.useToken(token);
		assertThat(response.getRedirectedUrl()).isEqualTo("/sign-in?link=invalid");
		assertThat(response.getCookie(SignedIn.SESSION_COOKIE)).isNull();
	}

	@Test
	void aForgedOrMalformedTokenIsRefused() throws Exception {
		for (String token : new String[] { "00000000-0000-0000-0000-000000000000", "' OR 1=1 --",
				"'; DROP TABLE accounts; --", "<script>alert(1)</script>" }) {
			this.mvc.perform(post("/login/ott").param("token", token).with(csrf()))
				.andExpect(redirectedUrl("/sign-in?link=invalid"));
		}
		this.mvc.perform(get("/sign-in/link").param("token", "x".repeat(10_000)))
			.andExpect(redirectedUrl("/sign-in?link=invalid"));
		String page = this.mvc.perform(get("/sign-in/link").param("token", "\"><img src=x onerror=alert(1)>"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("<img src=x").contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM accounts").query(Integer.class).single()).isNotNegative();
	}

	@Test
	void anUnknownAddressGetsTheSamePageAndNoMail() throws Exception {
		String known = SignedIn.newEmail();
		this.signedIn.leader(known, 13);
		String unknown = SignedIn.newEmail();
		MockHttpServletResponse forKnown = this.mvc
			.perform(post("/sign-in").param("email", known).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andReturn()
			.getResponse();
		MockHttpServletResponse forUnknown = this.mvc
			.perform(post("/sign-in").param("email", unknown).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andReturn()
			.getResponse();
		assertThat(forUnknown.getStatus()).isEqualTo(forKnown.getStatus()).isEqualTo(200);
		assertThat(forUnknown.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(forKnown.getContentAsString(StandardCharsets.UTF_8))
			.contains("Check your e-mail");
		assertThat(this.mail.to(known, "sign-in-link")).hasSize(1);
		assertThat(this.mail.to(unknown)).isEmpty();
		assertThat(this.store.byEmail(unknown)).isEmpty();
	}

	@Test
	void aDisabledAccountGetsNoLink() throws Exception {
		String email = SignedIn.newEmail();
		Account account = this.signedIn.leader(email, 14);
		this.accounts.disable("test-admin", account.id());
		this.mvc.perform(post("/sign-in").param("email", email).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check your e-mail")));
		assertThat(this.mail.to(email, "sign-in-link")).isEmpty();
	}

	@Test
	void badAddressesGetTranslatedErrorsAndNoMail() throws Exception {
		String[][] cases = { { "", "Enter your e-mail address.", "Escriba su correo electrónico." },
				{ "a".repeat(10_000) + "@example.org", "An e-mail address has at most 254 characters.",
						"Un correo electrónico tiene como máximo 254 caracteres." },
				{ "not-an-address", "Enter an e-mail address such as name@example.org.",
						"Escriba un correo electrónico como nombre@ejemplo.org." },
				{ "<script>alert(1)</script>@example.org", "Enter an e-mail address such as name@example.org.",
						"Escriba un correo electrónico como nombre@ejemplo.org." },
				{ "' OR 1=1 --", "Enter an e-mail address such as name@example.org.",
						"Escriba un correo electrónico como nombre@ejemplo.org." },
				{ "'; DROP TABLE accounts; --@x.org", "Enter an e-mail address such as name@example.org.",
						"Escriba un correo electrónico como nombre@ejemplo.org." } };
		long mailBefore = this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single();
		for (String[] c : cases) {
			String html = this.mvc
				.perform(post("/sign-in").param("email", c[0]).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).contains(c[1])
				.contains("aria-describedby=\"email-error email-help\"")
				.contains("aria-invalid=\"true\"")
				.doesNotContain("<script>alert(1)</script>");
			assertThat(AccessibleHtml.problems(html)).isEmpty();
			this.mvc
				.perform(post("/sign-in").param("email", c[0])
					.header("Accept-Language", "es")
					.with(csrf())
					.with(SignedIn.from(SignedIn.newAddress())))
				.andExpect(content().string(containsString(c[2])));
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single()).isEqualTo(mailBefore);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()).isNotNegative();
	}

	@Test
	void aMissingOrForgedCsrfTokenIsRefused() throws Exception {
		String email = SignedIn.newEmail();
		this.signedIn.leader(email, 15);
		this.mvc.perform(post("/sign-in").param("email", email).with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/sign-in").param("email", email)
				.with(csrf().useInvalidToken())
				.with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/sign-in").param("email", email)
				.param("_csrf", "forged")
				.cookie(new Cookie("XSRF-TOKEN", "other"))
				.with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isForbidden());
		assertThat(this.mail.to(email)).extracting(QueuedMail.Message::template).containsExactly("invitation");
		String token = this.signedIn.requestToken(email);
		this.mvc.perform(post("/login/ott").param("token", token)).andExpect(status().isForbidden());
		// The refused post did not use the token up.
		assertThat(this.signedIn.useToken(token).getRedirectedUrl())
			.isEqualTo("/leader/campaigns/" + this.signedIn.campaign(15));
	}

	@Test
	void aFloodForOneAddressIsCappedQuietlyAndTheNewestLinkKeepsWorking() throws Exception {
		String email = SignedIn.newEmail();
		Account account = this.signedIn.leader(email, 16);
		String sent = null;
		for (int i = 0; i < 5; i++) {
			sent = this.mvc
				.perform(post("/sign-in").param("email", email).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		}
		assertThat(this.mail.to(email, "sign-in-link")).hasSize(5);
		String newest = this.mail.last(email, "sign-in-link").token();
		// the newest link has expired meanwhile
		this.jdbc.sql("UPDATE one_time_tokens SET expires_at = ? WHERE account_id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(60)), account.id())
			.update();

		// Past the cap: the same page, no mail, and the newest link works again.
		String capped = this.mvc
			.perform(post("/sign-in").param("email", email).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Retry-After"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(withoutCsrf(capped)).isEqualTo(withoutCsrf(sent)).contains("Check your e-mail");
		this.mvc
			.perform(post("/sign-in").param("email", email)
				.header("Accept-Language", "es")
				.with(csrf())
				.with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Revise su correo")));
		assertThat(this.mail.to(email, "sign-in-link")).hasSize(5);
		assertThat(this.signedIn.useToken(newest).getRedirectedUrl())
			.isEqualTo("/leader/campaigns/" + this.signedIn.campaign(16));
		// used: a capped request does not bring it back
		this.mvc.perform(post("/sign-in").param("email", email).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isOk());
		assertThat(this.signedIn.useToken(newest).getRedirectedUrl()).isEqualTo("/sign-in?link=invalid");
	}

	private static String withoutCsrf(@Nullable String page) {
		return String.valueOf(page).replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

	@Test
	void aFloodFromOneClientIsStopped() throws Exception {
		String address = SignedIn.newAddress();
		String email = SignedIn.newEmail();
		this.signedIn.leader(email, 17);
		for (int i = 0; i < 20; i++) {
			this.mvc
				.perform(post("/sign-in").param("email", SignedIn.newEmail()).with(csrf()).with(SignedIn.from(address)))
				.andExpect(status().isOk());
		}
		this.mvc.perform(post("/sign-in").param("email", email).with(csrf()).with(SignedIn.from(address)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Too many")));
		assertThat(this.mail.to(email, "sign-in-link")).isEmpty();
	}

	@Test
	void aFloodOfTokensAndPasskeyAttemptsFromOneClientIsStopped() throws Exception {
		String address = SignedIn.newAddress();
		for (int i = 0; i < 60; i++) {
			this.mvc
				.perform(post("/login/ott").param("token", java.util.UUID.randomUUID().toString())
					.with(csrf())
					.with(SignedIn.from(address)))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/sign-in?link=invalid"));
		}
		this.mvc
			.perform(post("/login/ott").param("token", java.util.UUID.randomUUID().toString())
				.with(csrf())
				.with(SignedIn.from(address)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		// without a CSRF token the attempt still counts, and a passkey attempt is refused
		// too
		this.mvc.perform(post("/login/ott").param("token", "x").with(SignedIn.from(address)))
			.andExpect(status().isTooManyRequests());
		this.mvc.perform(post("/webauthn/authenticate/options").with(csrf()).with(SignedIn.from(address)))
			.andExpect(status().isTooManyRequests());
		// another client is not affected
		this.mvc.perform(post("/webauthn/authenticate/options").with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isOk());
	}

	@Test
	void theSessionCookieHoldsASecretWhoseKeyedHashIsTheStoredIdAndSigningInChangesBoth() throws Exception {
		String email = SignedIn.newEmail();
		Account account = this.signedIn.leader(email, 23);
		// A passkey ceremony gives the anonymous visitor a session first.
		Cookie before = this.mvc
			.perform(post("/webauthn/authenticate/options").with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getCookie(SignedIn.SESSION_COOKIE);
		assertThat(before).isNotNull();
		String secretBefore = new String(Base64.getDecoder().decode(before.getValue()), StandardCharsets.UTF_8);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?")
			.param(this.sessionIds.idOf(secretBefore))
			.query(Integer.class)
			.single()).isEqualTo(1);

		// Signing in from that session gives it a new id, so a new cookie.
		MockHttpServletResponse signIn = this.signedIn.useToken(this.signedIn.requestToken(email), before);
		assertThat(signIn.getRedirectedUrl()).isEqualTo("/leader/campaigns/" + this.signedIn.campaign(23));
		Cookie after = signIn.getCookie(SignedIn.SESSION_COOKIE);
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		String secret = new String(Base64.getDecoder().decode(after.getValue()), StandardCharsets.UTF_8);
		assertThat(this.jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = ?")
			.param(account.id())
			.query(String.class)
			.single()).isEqualTo(this.sessionIds.idOf(secret)).isNotEqualTo(secret);
		this.mvc.perform(get("/account").cookie(after)).andExpect(status().isOk());
		this.mvc.perform(get("/account").cookie(before)).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void aNewBrowserIsToldByMailOnceAndMarked() throws Exception {
		String email = SignedIn.newEmail();
		this.signedIn.leader(email, 18);
		Browser first = this.signedIn.signIn(email);
		assertThat(first.device()).isNotNull();
		assertThat(this.mail.to(email, "new-sign-in")).hasSize(1);
		assertThat(this.mail.last(email, "new-sign-in").body()).contains("Chrome · Linux")
			.contains("e-mail link")
			.contains("http://localhost:8080/account/sessions");

		Browser again = this.signedIn.signIn(email, first.device());
		assertThat(again.device().getValue()).isEqualTo(first.device().getValue());
		assertThat(this.mail.to(email, "new-sign-in")).hasSize(1);

		Browser other = this.signedIn.signIn(email, new Cookie(SignedIn.DEVICE_COOKIE, "B".repeat(43)));
		assertThat(this.mail.to(email, "new-sign-in")).hasSize(2);

		String sessions = this.mvc.perform(other.get("/account/sessions"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(sessions.split("New device", -1)).hasSize(3);
		assertThat(sessions.split("This device", -1)).hasSize(2);
	}

	@Test
	void theSessionsPageRevokesOnlyYourOwnSessions() throws Exception {
		String alice = SignedIn.newEmail();
		String bob = SignedIn.newEmail();
		Account aliceAccount = this.signedIn.leader(alice, 19);
		Account bobAccount = this.signedIn.leader(bob, 20);
		Browser alicePhone = this.signedIn.signIn(alice);
		Browser aliceLaptop = this.signedIn.signIn(alice);
		Browser bobBrowser = this.signedIn.signIn(bob);
		String bobHandle = handles(bobAccount.id()).get(0);

		this.mvc.perform(alicePhone.post("/account/sessions/revoke").param("session", bobHandle))
			.andExpect(redirectedUrl("/account/sessions"));
		this.mvc.perform(alicePhone.get("/account/sessions"))
			.andExpect(content().string(containsString("There is no such session among yours. Nothing was changed.")));
		this.mvc.perform(bobBrowser.get("/account")).andExpect(status().isOk());

		for (String hostile : new String[] { "' OR 1=1 --", "'; DROP TABLE spring_session; --", "x".repeat(10_000) }) {
			this.mvc.perform(alicePhone.post("/account/sessions/revoke").param("session", hostile))
				.andExpect(redirectedUrl("/account/sessions"));
		}
		this.mvc.perform(bobBrowser.get("/account")).andExpect(status().isOk());
		this.mvc.perform(aliceLaptop.get("/account")).andExpect(status().isOk());

		this.mvc.perform(alicePhone.post("/account/sessions/revoke-others"))
			.andExpect(redirectedUrl("/account/sessions"));
		this.mvc.perform(aliceLaptop.get("/account")).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(alicePhone.get("/account")).andExpect(status().isOk());
		this.mvc.perform(bobBrowser.get("/account")).andExpect(status().isOk());
		assertThat(handles(aliceAccount.id())).hasSize(1);
	}

	@Test
	void revokingOneSessionSignsThatBrowserOut() throws Exception {
		String email = SignedIn.newEmail();
		Account account = this.signedIn.leader(email, 21);
		Browser phone = this.signedIn.signIn(email);
		Browser laptop = this.signedIn.signIn(email);
		String laptopSession = this.jdbc
			.sql("SELECT session_id FROM spring_session WHERE principal_name = ? ORDER BY creation_time DESC")
			.param(account.id())
			.query(String.class)
			.list()
			.get(0);
		String handle = this.index.of("session", laptopSession);
		this.mvc.perform(phone.post("/account/sessions/revoke").param("session", handle))
			.andExpect(redirectedUrl("/account/sessions"));
		this.mvc.perform(laptop.get("/account/sessions")).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(phone.get("/account/sessions"))
			.andExpect(content().string(containsString("That session is signed out.")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'session.revoke' AND actor = ?")
			.param(account.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void signingOutNeedsAPostWithCsrf() throws Exception {
		String email = SignedIn.newEmail();
		this.signedIn.leader(email, 22);
		Browser browser = this.signedIn.signIn(email);
		String account = this.mvc.perform(browser.get("/account"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(account).contains("Your account").contains("action=\"/sign-out\"").doesNotContain(">Sign in<");
		this.mvc.perform(post("/sign-out").cookie(browser.cookies())).andExpect(status().isForbidden());
		this.mvc.perform(browser.get("/account")).andExpect(status().isOk());
		this.mvc.perform(browser.post("/sign-out")).andExpect(redirectedUrl("/"));
		this.mvc.perform(browser.get("/account")).andExpect(redirectedUrl("/sign-in"));
	}

	private java.util.List<String> handles(String accountId) {
		return this.jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = ?")
			.param(accountId)
			.query(String.class)
			.list()
			.stream()
			.map((id) -> this.index.of("session", id))
			.toList();
	}

}
