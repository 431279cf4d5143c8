package org.end287g.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A sign-in ends after end287g.accounts.session-max-age, however active. */
class SessionLifetimeTests {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	final SessionLifetimeFilter filter = new SessionLifetimeFilter(
			new AccountsProperties(
					new AccountsProperties.Accounts("", Duration.ofDays(7), Duration.ofMinutes(15), Duration.ofDays(3)),
					new AccountsProperties.WebAuthn("localhost", "end287g", java.util.Set.of())),
			Clock.fixed(NOW, ZoneOffset.UTC));

	MockHttpSession signedInAgo(Duration ago) throws Exception {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SignInDetails.SIGNED_IN_AT, NOW.minus(ago).toEpochMilli());
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
		request.setSession(session);
		this.filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		return session;
	}

	@Test
	void aSignInOfSixDaysStays() throws Exception {
		assertThat(signedInAgo(Duration.ofDays(6)).isInvalid()).isFalse();
	}

	@Test
	void aSignInOfEightDaysEnds() throws Exception {
		assertThat(signedInAgo(Duration.ofDays(8)).isInvalid()).isTrue();
	}

	@Test
	void anonymousSessionsAreLeftAlone() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setSession(session);
		this.filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		assertThat(session.isInvalid()).isFalse();
	}

}
