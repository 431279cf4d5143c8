package org.end287g.accounts.internal;

import com.webauthn4j.verifier.exception.BadOriginException;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A passkey refused for the address its page was opened at is answered with a reason the
 * page can word, not a server error; every other failure is left as it was.
 */
class PasskeyOriginRefusalTests {

	final PasskeyOriginRefusal refusal = new PasskeyOriginRefusal();

	@Test
	void addingAPasskeyFromAnotherAddressAnswers400WithTheReason() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain registration = (request, ignored) -> {
			throw new BadOriginException("The collectedClientData 'http://localhost:8151' origin is invalid");
		};
		this.refusal.doFilter(post(PasskeyOriginRefusal.REGISTRATION), response, registration);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo("application/json");
		assertThat(response.getContentAsString()).isEqualTo("{\"error\":\"bad-origin\"}");
	}

	@Test
	void otherFailuresOfAddingAPasskeyAreLeftAlone() {
		FilterChain registration = (request, ignored) -> {
			throw new IllegalStateException("something else");
		};
		assertThatIllegalStateException().isThrownBy(() -> this.refusal
			.doFilter(post(PasskeyOriginRefusal.REGISTRATION), new MockHttpServletResponse(), registration));
	}

	@Test
	void otherAddressesAreNotWatched() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		boolean[] passed = { false };
		this.refusal.doFilter(post("/campaigns/x/sign"), response, (request, ignored) -> passed[0] = true);
		assertThat(passed[0]).isTrue();
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void signingInFromAnotherAddressAnswers401WithTheReason() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.refusal.onAuthenticationFailure(post("/login/webauthn"), response,
				new BadCredentialsException("refused", new BadOriginException("origin is invalid")));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).isEqualTo("{\"error\":\"bad-origin\"}");
	}

	@Test
	void otherSignInFailuresStayABare401() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.refusal.onAuthenticationFailure(post("/login/webauthn"), response,
				new BadCredentialsException("unknown passkey"));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).isEmpty();
	}

	private static MockHttpServletRequest post(String path) {
		return new MockHttpServletRequest("POST", path);
	}

}
