package org.end287g.accounts.internal;

import jakarta.servlet.http.Cookie;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.Roles;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.campaigns.TestCampaigns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real sign-ins through the pages (link requested, read from the outbox, posted), each
 * from its own client address so tests do not share rate-limit buckets.
 */
final class RealSignIns {

	private final MockMvc mvc;

	private final QueuedMail mail;

	private final AccountService accounts;

	private final AccountStore store;

	private final JdbcClient jdbc;

	RealSignIns(MockMvc mvc, QueuedMail mail, AccountService accounts, AccountStore store, JdbcClient jdbc) {
		this.mvc = mvc;
		this.mail = mail;
		this.accounts = accounts;
		this.store = store;
		this.jdbc = jdbc;
	}

	/** An account with a role, invited by an admin. */
	Account account(String email, String name, String language, RoleRequest role) {
		String id = this.accounts.invite("test-admin", email, name, language, role).accountId();
		return this.store.byId(id).orElseThrow();
	}

	/**
	 * The id of the test campaign numbered {@code n} (a real row, created when missing).
	 */
	long campaign(long n) {
		return TestCampaigns.id(this.jdbc, n);
	}

	/** A leader of the test campaign numbered {@code n}. */
	Account leader(String email, long n) {
		return account(email, "Leader " + n, "en", new RoleRequest(Roles.LEADER, null, campaign(n)));
	}

	/** Asks for a link and returns the token from the mail. */
	String requestToken(String email) throws Exception {
		int before = this.mail.to(email, "sign-in-link").size();
		this.mvc.perform(post("/sign-in").param("email", email).with(csrf()).with(SignedIn.from(SignedIn.newAddress())))
			.andReturn();
		assertThat(this.mail.to(email, "sign-in-link")).hasSize(before + 1);
		return this.mail.last(email, "sign-in-link").token();
	}

	/** Posts the token like the link page's button; the response carries the cookies. */
	MockHttpServletResponse useToken(String token, Cookie... cookies) throws Exception {
		MockHttpServletRequestBuilder request = post("/login/ott").param("token", token)
			.with(csrf())
			.with(SignedIn.from(SignedIn.newAddress()))
			.header("User-Agent",
					"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36");
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	/** Signs in by link; the session cookie (and the device cookie, if set). */
	SignedIn.Browser signIn(String email, Cookie... cookies) throws Exception {
		MockHttpServletResponse response = useToken(requestToken(email), cookies);
		// where the person works (SignInLandingTests), or their account page
		assertThat(response.getRedirectedUrl()).matches("/(account|admin|organizer|leader)(/.*)?");
		Cookie session = response.getCookie(SignedIn.SESSION_COOKIE);
		assertThat(session).as("session cookie").isNotNull();
		Cookie device = response.getCookie(SignedIn.DEVICE_COOKIE);
		if (device == null) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(SignedIn.DEVICE_COOKIE)) {
					device = cookie;
				}
			}
		}
		return new SignedIn.Browser(session, device);
	}

}
