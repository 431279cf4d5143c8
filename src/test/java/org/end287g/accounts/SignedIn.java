package org.end287g.accounts;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import org.end287g.accounts.internal.Account;
import org.end287g.accounts.internal.AccountService;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.accounts.internal.AccountStore;
import org.end287g.campaigns.TestCampaigns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real sign-ins through the pages (link requested, read from the outbox, posted), each
 * from its own client address so tests do not share rate-limit buckets.
 */
public final class SignedIn {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	public static final String SESSION_COOKIE = "END287G_SESSION";

	public static final String DEVICE_COOKIE = "END287G_DEVICE";

	private final MockMvc mvc;

	private final QueuedMail mail;

	private final AccountService accounts;

	private final AccountStore store;

	private final JdbcClient jdbc;

	public SignedIn(MockMvc mvc, QueuedMail mail, AccountService accounts, AccountStore store, JdbcClient jdbc) {
		this.mvc = mvc;
		this.mail = mail;
		this.accounts = accounts;
		this.store = store;
		this.jdbc = jdbc;
	}

	/** A fresh, unique client address. */
	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	public static String newAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	public static String newEmail() {
		return "person-" + UUID.randomUUID() + "@example.org";
	}

	/** An account with a role, invited by an admin. */
	public Account account(String email, String name, String language, RoleRequest role) {
		String id = this.accounts.invite("test-admin", email, name, language, role).accountId();
		return this.store.byId(id).orElseThrow();
	}

	/**
	 * The id of the test campaign numbered {@code n} (a real row, created when missing).
	 */
	public long campaign(long n) {
		return TestCampaigns.id(this.jdbc, n);
	}

	/** A leader of the test campaign numbered {@code n}. */
	public Account leader(String email, long n) {
		return account(email, "Leader " + n, "en", new RoleRequest(Roles.LEADER, null, campaign(n)));
	}

	/** Asks for a link and returns the token from the mail. */
	public String requestToken(String email) throws Exception {
		int before = this.mail.to(email, "sign-in-link").size();
		this.mvc.perform(post("/sign-in").param("email", email).with(csrf()).with(from(newAddress()))).andReturn();
		assertThat(this.mail.to(email, "sign-in-link")).hasSize(before + 1);
		return this.mail.last(email, "sign-in-link").token();
	}

	/** Posts the token like the link page's button; the response carries the cookies. */
	public MockHttpServletResponse useToken(String token, Cookie... cookies) throws Exception {
		MockHttpServletRequestBuilder request = post("/login/ott").param("token", token)
			.with(csrf())
			.with(from(newAddress()))
			.header("User-Agent",
					"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36");
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	/** Signs in by link; the session cookie (and the device cookie, if set). */
	public Browser signIn(String email, Cookie... cookies) throws Exception {
		MockHttpServletResponse response = useToken(requestToken(email), cookies);
		assertThat(response.getRedirectedUrl()).isEqualTo("/account");
		Cookie session = response.getCookie(SESSION_COOKIE);
		assertThat(session).as("session cookie").isNotNull();
		Cookie device = response.getCookie(DEVICE_COOKIE);
		if (device == null) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(DEVICE_COOKIE)) {
					device = cookie;
				}
			}
		}
		return new Browser(session, device);
	}

	/** The cookies of one signed-in browser. */
	public record Browser(Cookie session, Cookie device) {

		public Cookie[] cookies() {
			return (this.device != null) ? new Cookie[] { this.session, this.device } : new Cookie[] { this.session };
		}

		public MockHttpServletRequestBuilder get(String path) {
			return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).cookie(cookies());
		}

		public MockHttpServletRequestBuilder post(String path) {
			return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
				.cookie(cookies())
				.with(csrf());
		}

	}

	static MockHttpServletRequestBuilder page(String path) {
		return get(path);
	}

}
