package org.end287g.privacy;

import java.time.Duration;

import org.end287g.problems.Problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Too many attempts: the person may try again after {@link #retryAfter()}. Answered like
 * every problem: a translated 429 that says in how many minutes, with Retry-After.
 */
public class RateLimitExceededException extends Problem {

	private final String limit;

	private final Duration retryAfter;

	public RateLimitExceededException(String limit, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "error.tooMany.title", "error.tooMany.text",
				(seconds(retryAfter) + 59) / 60);
		this.limit = limit;
		this.retryAfter = retryAfter;
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	@Override
	public String getMessage() {
		return "Rate limit " + this.limit + " exceeded";
	}

	private static long seconds(Duration retryAfter) {
		return Math.max(1, retryAfter.toSeconds());
	}

}
