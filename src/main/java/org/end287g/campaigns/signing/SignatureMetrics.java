package org.end287g.campaigns.signing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.end287g.CachedReading;
import org.end287g.MetricsProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Confirmed, valid signatures of all campaigns, for monitoring: the sum of the count's
 * shards ({@link SignatureCounts}), read at most every {@code end287g.metrics.cache-for}.
 * Every instance reports the same total; confirmations per minute are its derivative
 * (docs/operations.md).
 */
@Component
class SignatureMetrics implements MeterBinder {

	private final CachedReading<Long> confirmed;

	SignatureMetrics(JdbcClient jdbc, MetricsProperties properties) {
		this.confirmed = new CachedReading<>(properties,
				() -> jdbc.sql("select coalesce(sum(confirmed), 0) from signature_counts").query(Long.class).single());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.confirmed.gauge(registry, "end287g.signatures.confirmed", "confirmed, valid signatures of all campaigns",
				null, Long::doubleValue);
	}

}
