package org.end287g.privacy.internal;

import java.time.Clock;
import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.ClientAddresses;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.QuietLimits;
import org.end287g.privacy.RateLimitExceededException;
import org.end287g.privacy.RateLimits;
import org.end287g.privacy.internal.RateLimitProperties.Limit;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Bucket4j token buckets in the {@code rate_buckets} table, so every app instance draws
 * from the same buckets. A quiet limit draws from the same e-mail buckets a limit of the
 * same name would.
 */
@Component
class JdbcRateLimits implements RateLimits, QuietLimits {

	private final JdbcBuckets buckets;

	private final RateLimitProperties properties;

	private final ClientAddresses addresses;

	private final BlindIndex index;

	private final JdbcClient jdbc;

	JdbcRateLimits(JdbcClient jdbc, PlatformTransactionManager transactions, RateLimitProperties properties,
			ClientAddresses addresses, BlindIndex index) {
		Duration longest = properties.rateLimits()
			.values()
			.stream()
			.map(Limit::period)
			.max(Duration::compareTo)
			.orElse(Duration.ofHours(1));
		// A bucket untouched for its longest period is full again: dropping it loses
		// nothing.
		this.buckets = new JdbcBuckets(jdbc, transactions, longest);
		this.properties = properties;
		this.addresses = addresses;
		this.index = index;
		this.jdbc = jdbc;
	}

	@Override
	public void check(String limit, String clientAddress, @Nullable String email) {
		Limit configured = configured(limit);
		take(limit, "address:" + this.addresses.hash(clientAddress), configured.perAddress(), configured.period());
		if (email != null && !email.isBlank()) {
			// the person's identity: x+1@gmail.com and x+2@gmail.com draw from one bucket
			take(limit, "email:" + this.index.ofEmail(EmailAddresses.identity(email)), configured.perEmail(),
					configured.period());
		}
	}

	@Override
	public boolean tryTake(String limit, String email) {
		Limit configured = configured(limit);
		return probe(limit, "email:" + this.index.ofEmail(email), configured.perEmail(), configured.period())
			.isConsumed();
	}

	private Limit configured(String limit) {
		Limit configured = this.properties.rateLimits().get(limit);
		if (configured == null) {
			throw new IllegalArgumentException("No rate limit named " + limit + " (end287g.rate-limits." + limit + ")");
		}
		return configured;
	}

	private void take(String limit, String key, int capacity, Duration period) {
		ConsumptionProbe probe = probe(limit, key, capacity, period);
		if (!probe.isConsumed()) {
			throw new RateLimitExceededException(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	private ConsumptionProbe probe(String limit, String key, int capacity, Duration period) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(capacity).refillGreedy(capacity, period))
			.build();
		return this.buckets.getProxy(limit + ":" + key, () -> configuration).tryConsumeAndReturnRemaining(1);
	}

	/** Drops buckets that have refilled completely; idempotent on every instance. */
	@Scheduled(fixedDelayString = "${end287g.privacy.bucket-purge-interval:PT10M}")
	void purgeFullBuckets() {
		this.jdbc.sql("DELETE FROM rate_buckets WHERE expires_at < ?").param(Clock.systemUTC().millis()).update();
	}

}
