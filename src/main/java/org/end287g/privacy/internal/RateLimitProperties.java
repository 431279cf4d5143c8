package org.end287g.privacy.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code end287g.rate-limits.<name>.per-address}, {@code .per-email} and {@code .period}:
 * how many attempts one hashed client address and one e-mail address may make in a period
 * (tokens refill gradually over it).
 */
@ConfigurationProperties("end287g")
record RateLimitProperties(Map<String, Limit> rateLimits) {

	public RateLimitProperties {
		rateLimits = (rateLimits != null) ? Map.copyOf(rateLimits) : Map.of();
	}

	public record Limit(int perAddress, int perEmail, Duration period) {

	}

}
