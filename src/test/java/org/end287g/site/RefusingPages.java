package org.end287g.site;

import java.time.Duration;

import org.end287g.privacy.RateLimitExceededException;
import org.end287g.privacy.RateLimits;
import org.end287g.problems.Problem;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pages that refuse on purpose, for the tests of the one error path: each kind of
 * problem, under /test/, /api/test/ and /feeds/test/, and a sign-in attempt filter that
 * refuses everything.
 */
@TestConfiguration
class RefusingPages {

	static final Duration RETRY_AFTER = Duration.ofSeconds(90);

	/**
	 * Limits that refuse every sign-in attempt (so the sign-in attempt filter answers its
	 * 429) and let everything else through.
	 */
	@Bean
	@Primary
	RateLimits refuseEverySignInAttempt() {
		return (limit, clientAddress, email) -> {
			if ("sign-in-attempt".equals(limit)) {
				throw new RateLimitExceededException(limit, RETRY_AFTER);
			}
		};
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

		@PostMapping("/test/upload")
		String upload(@RequestParam MultipartFile file) {
			return Long.toString(file.getSize());
		}

		@PostMapping("/test/echo")
		String echo(@RequestParam String name) {
			return name;
		}

	}

}
