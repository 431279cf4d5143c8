package org.end287g.site;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.end287g.accounts.internal.SignInAttemptLimit;
import org.end287g.privacy.RateLimitExceededException;
import org.end287g.problems.Problem;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages that refuse on purpose, for the tests of the one error path: each kind of
 * problem, under /test/, /api/test/ and /feeds/test/, and a sign-in attempt filter that
 * refuses everything.
 */
@TestConfiguration
class RefusingPages {

	static final Duration RETRY_AFTER = Duration.ofSeconds(90);

	/** The sign-in attempt filter, in front of the real one, refusing every attempt. */
	@Bean
	FilterRegistrationBean<SignInAttemptLimit> refuseEverySignInAttempt() {
		FilterRegistrationBean<SignInAttemptLimit> registration = new FilterRegistrationBean<>(
				new SignInAttemptLimit(RefusingPages::refuse));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	private static void refuse(String limit, HttpServletRequest request, String email) {
		throw new RateLimitExceededException(limit, RETRY_AFTER);
	}

	@RestController
	static class Refusing {

		@GetMapping({ "/test/problems/{kind}", "/api/test/problems/{kind}", "/feeds/test/problems/{kind}" })
		String refuse(@PathVariable String kind) {
			throw switch (kind) {
				case "not-found" -> Problem.notFound("campaigns.error.unknown");
				case "not-found-titled" ->
					Problem.of(HttpStatus.NOT_FOUND, "problem.notFound", "error.state.unknown", "XX");
				case "bad-request" -> Problem.badRequest("error.param.state");
				case "unavailable" -> Problem.unavailable("campaigns.error.busy");
				case "too-many" -> new RateLimitExceededException("test", RETRY_AFTER);
				default -> new IllegalArgumentException(kind);
			};
		}

		@GetMapping({ "/test/problems/count", "/api/test/problems/count", "/feeds/test/problems/count" })
		String count(@RequestParam int n) {
			return Integer.toString(n);
		}

		@PostMapping({ "/test/only-post", "/api/test/only-post" })
		String onlyPost() {
			return "posted";
		}

		@GetMapping(path = { "/test/only-json", "/api/test/only-json" }, consumes = MediaType.APPLICATION_JSON_VALUE)
		String onlyJson() {
			return "json";
		}

		@PostMapping("/test/echo")
		String echo(@RequestParam String name) {
			return name;
		}

	}

}
