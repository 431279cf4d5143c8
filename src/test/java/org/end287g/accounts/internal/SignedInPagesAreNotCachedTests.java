package org.end287g.accounts.internal;

import java.nio.charset.StandardCharsets;

import org.end287g.accounts.SignedIn;
import org.end287g.accounts.SignedIn.Browser;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The public page cache serves anonymous visitors only: a signed-in person never gets a
 * page rendered for someone else, and their pages never enter the cache.
 */
class SignedInPagesAreNotCachedTests extends AccountsMockMvcTests {

	String body(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void signedInPeopleBypassTheCacheBothWays() throws Exception {
		new TrackerFixture(this.jdbc).load("COMMAND");
		RealSignIns signedIn = this.signedIn;
		String email = SignedIn.newEmail();
		signedIn.leader(email, 61);
		Browser browser = signedIn.signIn(email);

		// Signed in first: the page names the account and is not kept for others.
		MockHttpServletResponse mine = this.mvc.perform(browser.get("/states")).andReturn().getResponse();
		assertThat(body(mine)).contains("Your account").contains("action=\"/sign-out\"").doesNotContain(">Sign in<");
		assertThat(mine.getHeader("Cache-Control")).contains("no-store");
		MockHttpServletResponse anonymous = this.mvc.perform(get("/states")).andReturn().getResponse();
		assertThat(body(anonymous)).contains(">Sign in<").doesNotContain("Your account").doesNotContain("_csrf");

		// Cached for anonymous visitors now; the signed-in person still gets their own.
		assertThat(body(this.mvc.perform(get("/states")).andReturn().getResponse())).isEqualTo(body(anonymous));
		MockHttpServletResponse mineAgain = this.mvc.perform(browser.get("/states")).andReturn().getResponse();
		assertThat(body(mineAgain)).contains("Your account").doesNotContain(">Sign in<");
		assertThat(body(this.mvc.perform(browser.get("/")).andReturn().getResponse())).contains("Your account");
		assertThat(body(this.mvc.perform(get("/")).andReturn().getResponse())).doesNotContain("Your account");
	}

}
