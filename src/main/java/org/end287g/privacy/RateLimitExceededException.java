package org.end287g.privacy;

import java.time.Duration;

/** Too many attempts: the person may try again after {@link #retryAfter()}. */
public class RateLimitExceededException extends RuntimeException {

	private final Duration retryAfter;

	public RateLimitExceededException(String limit, Duration retryAfter) {
		super("Rate limit " + limit + " exceeded");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
