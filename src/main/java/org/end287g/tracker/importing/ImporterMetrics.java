package org.end287g.tracker.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.end287g.CachedReading;
import org.end287g.MetricsProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The importer's figures for monitoring, read from the database (the same on every
 * instance) at most every {@code end287g.metrics.cache-for}: how long ago the newest
 * accepted ICE sheet came in, sheets held for staff, and sheets refused in the last day.
 * The fetch itself is counted by {@link IceFetcher} ({@code end287g.ice.fetches}).
 */
@Component
class ImporterMetrics implements MeterBinder {

	/** The window of {@code end287g.ice.sheets.rejected.recent}. */
	static final Duration RECENT = Duration.ofDays(1);

	private final CachedReading<Reading> reading;

	ImporterMetrics(JdbcClient jdbc, MetricsProperties properties, Optional<Clock> clock) {
		Clock time = clock.orElse(Clock.systemUTC());
		this.reading = new CachedReading<>(properties, () -> read(jdbc, time.instant()));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.reading.gauge(registry, "end287g.ice.sheet.accepted.age",
				"time since the newest accepted ICE sheet was imported (-1 when none was)", "seconds",
				Reading::acceptedAgeSeconds);
		this.reading.gauge(registry, "end287g.ice.sheets.held", "ICE sheets held for staff to accept or reject", null,
				Reading::held);
		this.reading.gauge(registry, "end287g.ice.sheets.rejected.recent", "ICE sheets refused in the last 24 hours",
				null, Reading::rejectedRecently);
	}

	private static Reading read(JdbcClient jdbc, Instant now) {
		return jdbc.sql("""
				select max(case when accepted then imported_at end) as newest,
					sum(case when review = 'HELD' then 1 else 0 end) as held,
					sum(case when not accepted and (review is null or review = 'REJECTED') and imported_at > ?
						then 1 else 0 end) as rejected
				from ice_sheet""").param(now.minus(RECENT).atOffset(ZoneOffset.UTC)).query((rs, row) -> {
			OffsetDateTime newest = rs.getObject("newest", OffsetDateTime.class);
			double age = (newest != null) ? Math.max(0, Duration.between(newest.toInstant(), now).toSeconds()) : -1;
			return new Reading(age, rs.getLong("held"), rs.getLong("rejected"));
		}).single();
	}

	record Reading(double acceptedAgeSeconds, long held, long rejectedRecently) {

	}

}
