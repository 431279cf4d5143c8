package org.end287g.privacy.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code end287g.rate-limits.<name>.per-address}, {@code .per-email} and {@code .period}:
 * how many attempts one hashed client address and one e-mail address may make in a period
 * (tokens refill gradually over it).
 * <p>
 * The one setting without defaults in code: the names are open (tests add their own), so
 * the limits the application uses are listed, with their values, in
 * {@code application.properties}.
 *
 * @param rateLimits the limits by name: sign-in, sign-in-attempt, sign-up, my-data,
 * my-data-code, form
 */
@ConfigurationProperties("end287g")
record RateLimitProperties(Map<String, Limit> rateLimits) {

	public RateLimitProperties {
		rateLimits = (rateLimits != null) ? Map.copyOf(rateLimits) : Map.of();
	}

	public record Limit(int perAddress, int perEmail, Duration period) {

	}

}
