package org.end287g.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The outbox's figures for monitoring, read from the database (the same on every
 * instance) at most every {@code end287g.metrics.cache-for}: messages waiting to be sent,
 * those due now, how long the oldest due message has waited for a worker, how long the
 * oldest waiting message has existed, and failed messages.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private final CachedReading<Reading> reading;

	OutboxMetrics(JdbcClient jdbc, MetricsProperties properties, Optional<Clock> clock) {
		Clock time = clock.orElse(Clock.systemUTC());
		this.reading = new CachedReading<>(properties, () -> read(jdbc, time.instant()));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.reading.gauge(registry, "end287g.mail.backlog", "messages waiting to be sent (pending or being sent)",
				null, Reading::backlog);
		this.reading.gauge(registry, "end287g.mail.due", "messages due to be sent now", null, Reading::due);
		this.reading.gauge(registry, "end287g.mail.oldest.due.age",
				"how long the oldest due message has waited for a worker", "seconds", Reading::oldestDueSeconds);
		this.reading.gauge(registry, "end287g.mail.oldest.waiting.age",
				"how long the oldest message waiting to be sent has existed (retries included)", "seconds",
				Reading::oldestWaitingSeconds);
		this.reading.gauge(registry, "end287g.mail.failed", "messages the mail server refused or never took (FAILED)",
				null, Reading::failed);
	}

	private static Reading read(JdbcClient jdbc, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		return jdbc.sql("""
				SELECT SUM(CASE WHEN status IN ('PENDING', 'SENDING') THEN 1 ELSE 0 END) AS backlog,
					SUM(CASE WHEN status = 'PENDING' AND next_attempt_at <= ? THEN 1 ELSE 0 END) AS due,
					MIN(CASE WHEN status = 'PENDING' AND next_attempt_at <= ? THEN next_attempt_at END) AS oldest_due,
					MIN(CASE WHEN status IN ('PENDING', 'SENDING') THEN created_at END) AS oldest_waiting,
					SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed
				FROM mail_outbox WHERE status IN ('PENDING', 'SENDING', 'FAILED')""")
			.params(at, at)
			.query((rs, row) -> new Reading(rs.getLong("backlog"), rs.getLong("due"), age(rs, "oldest_due", now),
					age(rs, "oldest_waiting", now), rs.getLong("failed")))
			.single();
	}

	private static double age(ResultSet rs, String column, Instant now) throws SQLException {
		OffsetDateTime since = rs.getObject(column, OffsetDateTime.class);
		return (since != null && since.toInstant().isBefore(now))
				? Duration.between(since.toInstant(), now).toMillis() / 1000.0 : 0;
	}

	record Reading(long backlog, long due, double oldestDueSeconds, double oldestWaitingSeconds, long failed) {

	}

}
