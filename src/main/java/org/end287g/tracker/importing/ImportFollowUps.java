package org.end287g.tracker.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other modules do after an import (campaigns, possible wins) runs after its commit,
 * recorded in Spring Modulith's {@code event_publication} table: on other threads in a
 * server, on the command's own thread in the import command
 * ({@link ImportCommandConfiguration}). The command line waits for it after each sheet
 * (no wait when it already ran) and counts what did not complete: the next sheet must not
 * change the tracker under those listeners, and the process must not exit before they
 * finish.
 */
@Component
class ImportFollowUps {

	/** The first wait between two looks; it doubles up to {@link #POLL_NANOS}. */
	private static final long FIRST_POLL_NANOS = Duration.ofMillis(1).toNanos();

	private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportFollowUps(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		// the clock publications are dated with
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The moment to wait from, taken before an import. */
	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Waits until no listener of an event published since {@code since} is running, at
	 * most {@code atMost}.
	 * @return how many of them did not complete (failed, to be retried by a server, or
	 * still running)
	 */
	int await(Instant since, Duration atMost) {
		OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
		long deadline = System.nanoTime() + atMost.toNanos();
		long poll = FIRST_POLL_NANOS;
		while (count("status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')", from) > 0
				&& System.nanoTime() < deadline) {
			try {
				// most follow-ups end within a few milliseconds: look soon, then less
				// often
				Thread.sleep(Duration.ofNanos(poll));
				poll = Math.min(poll * 2, POLL_NANOS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return count("status <> 'COMPLETED'", from);
	}

	private int count(String condition, OffsetDateTime since) {
		return this.jdbc.sql("select count(*) from event_publication where publication_date >= ? and " + condition)
			.param(since)
			.query(Integer.class)
			.single();
	}

}
