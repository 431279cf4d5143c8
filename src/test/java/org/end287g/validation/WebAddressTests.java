package org.end287g.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebAddressTests {

	record Link(
			@WebAddress(max = 40, required = "{required}", tooLong = "{long}", message = "{malformed}") String url) {
	}

	record OptionalLink(@WebAddress(message = "{malformed}") String url) {
	}

	@Test
	void blankIsRequiredOnlyWhenTheFieldSaysSo() {
		assertThat(Constraints.problems(new Link(" "))).containsExactly("{required}");
		assertThat(Constraints.problems(new OptionalLink(null))).isEmpty();
	}

	@Test
	void httpAndHttpsWithAHost() {
		for (String url : new String[] { "https://example.org/meet?id=1", "http://example.org", "HTTPS://EXAMPLE.ORG",
				" https://example.org " }) {
			assertThat(Constraints.problems(new Link(url))).as(url).isEmpty();
		}
	}

	@Test
	void anythingElseIsRefused() {
		assertThat(Constraints.problems(new Link("https://example.org/" + "x".repeat(30)))).containsExactly("{long}");
		assertThat(Constraints.problems(new OptionalLink("https://example.org/" + "x".repeat(100_000))))
			.containsExactly("{validation.url.long}");
		for (String bad : new String[] { "javascript:alert(1)", "meet example", "ftp://example.org", "https://",
				"example.org", "https://exa mple.org", "https://example.org/\u0000", "\u202Ehttps://example.org",
				"<script>alert(1)</script>", "data:text/html,x" }) {
			assertThat(Constraints.problems(new Link(bad))).as(bad).containsExactly("{malformed}");
		}
	}

}
