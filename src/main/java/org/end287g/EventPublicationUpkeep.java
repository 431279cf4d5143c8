package org.end287g;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs cross-module listeners again that failed or were cut off, and forgets completed
 * publications after a while, on every app instance: at start and every retry interval,
 * each run under a lease (one instance at a time), so a failed publication is claimed
 * (FAILED to RESUBMITTED, Spring Modulith's conditional UPDATE) by one run only. A
 * publication still PUBLISHED, PROCESSING or RESUBMITTED long after it was last submitted
 * was cut off (a crash, a shutdown) and is first marked FAILED. Modulith's own "resubmit
 * everything incomplete at restart" is off: it would also run again the listeners another
 * instance is running at that moment.
 */
@Component
class EventPublicationUpkeep {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationUpkeep.class);

	/** Far longer than a run takes; a crashed holder's lease simply expires. */
	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final EventPublicationProperties properties;

	private final boolean enabled;

	private final Clock clock;

	private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	EventPublicationUpkeep(JdbcClient jdbc, IncompleteEventPublications incomplete,
			CompletedEventPublications completed, EventPublicationProperties properties, CommandRun run,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.incomplete = incomplete;
		this.completed = completed;
		this.properties = properties;
		// a command-line run leaves retries to the servers
		this.enabled = run.servesSite();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (this.enabled && this.properties.retryAtStart()) {
			retry(this.clock.instant());
		}
	}

	@Scheduled(initialDelayString = "${end287g.event-publications.retry-interval:1m}",
			fixedDelayString = "${end287g.event-publications.retry-interval:1m}")
	void scheduled() {
		if (this.enabled) {
			retry(this.clock.instant());
		}
	}

	/**
	 * One run as of {@code now}: cut-off publications marked failed, failed ones whose
	 * backoff passed resubmitted (their listeners run on other threads), completed ones
	 * older than the retention deleted.
	 * @return how many were due again, or -1 when another instance holds the lease
	 */
	int retry(Instant now) {
		if (!acquireLease()) {
			return -1;
		}
		try {
			int stale = this.jdbc.sql("""
					update event_publication set status = 'FAILED'
					where status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
					and coalesce(last_resubmission_date, publication_date) < ?""")
				.param(now.minus(this.properties.staleAfter()).atOffset(ZoneOffset.UTC))
				.update();
			AtomicInteger due = new AtomicInteger();
			this.incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults()
				.withBatchSize(BATCH)
				.withFilter((publication) -> due(publication, now) && due.incrementAndGet() > 0));
			this.completed.deletePublicationsOlderThan(this.properties.keepCompleted());
			if (stale > 0 || due.get() > 0) {
				log.info("Event publications: {} cut off, {} due again", stale, due.get());
			}
			return due.get();
		}
		finally {
			releaseLease();
		}
	}

	/** Retried after 1, 2, 4... retry intervals, at most the backoff cap apart. */
	private boolean due(EventPublication publication, Instant now) {
		Instant last = (publication.getLastResubmissionDate() != null) ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		int doublings = Math.min(Math.max(publication.getCompletionAttempts() - 1, 0), 20);
		Duration wait = this.properties.retryInterval().multipliedBy(1L << doublings);
		if (wait.compareTo(this.properties.retryBackoffCap()) > 0) {
			wait = this.properties.retryBackoffCap();
		}
		return !last.plus(wait).isAfter(now);
	}

	private boolean acquireLease() {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		return this.jdbc
			.sql("update event_publication_lease set locked_until = ?, locked_by = ? where name = 'resubmission' "
					+ "and (locked_until is null or locked_until < ?)")
			.params(now.plus(LEASE), this.owner, now)
			.update() == 1;
	}

	private void releaseLease() {
		this.jdbc
			.sql("update event_publication_lease set locked_until = null, locked_by = null "
					+ "where name = 'resubmission' and locked_by = ?")
			.param(this.owner)
			.update();
	}

}
