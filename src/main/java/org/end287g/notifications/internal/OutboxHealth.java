package org.end287g.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * "outbox" in /actuator/health. DOWN when this instance's worker stopped completing its
 * polls (none within three poll intervals, and none running that took up a message within
 * a lease: the scheduler is stuck, or every poll fails, for example because the database
 * is unreachable). Otherwise UP, or {@link #DEGRADED} when a message has waited longer
 * than {@code end287g.mail.degraded-after} (the mail server has been failing): mapped to
 * HTTP 200 like UP (application.properties), so a mail outage never takes the instance
 * out of the load balancer, while monitoring sees it. The details (shown where health
 * details are) give the backlog and the age of its oldest message.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

	/** Working, but mail is late: between DOWN and UP in the status order. */
	static final Status DEGRADED = new Status("DEGRADED", "mail waits longer than it should");

	private final OutboxWorker worker;

	private final OutboxMessages messages;

	private final MailSettings settings;

	private final Clock clock;

	OutboxHealth(OutboxWorker worker, OutboxMessages messages, MailSettings settings, Optional<Clock> clock) {
		this.worker = worker;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		Instant last = this.worker.lastCompleted();
		Duration allowed = this.settings.pollInterval().multipliedBy(3);
		boolean recent = !last.plus(allowed).isBefore(now);
		boolean busy = this.worker.runningSince() != null
				&& !this.worker.lastProgress().plus(this.settings.lease()).isBefore(now);
		if (!recent && !busy) {
			return Health.down()
				.withDetail("reason", "the outbox worker has not completed a poll since " + last)
				.withDetail("lastPoll", last.toString())
				.build();
		}
		OutboxMessages.Waiting waiting = this.messages.waiting();
		Duration oldest = waiting.oldestAge(now);
		Health.Builder health = (oldest.compareTo(this.settings.degradedAfter()) > 0)
				? Health.status(DEGRADED)
					.withDetail("reason",
							"a message has waited longer than " + this.settings.degradedAfter()
									+ "; the mail server may be failing (messages are retried until their deadline)")
				: Health.up();
		return health.withDetail("lastPoll", last.toString())
			.withDetail("backlog", waiting.count())
			.withDetail("oldestWaitingSeconds", oldest.toSeconds())
			.build();
	}

}
