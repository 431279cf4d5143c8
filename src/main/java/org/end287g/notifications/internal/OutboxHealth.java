package org.end287g.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "outbox" in /actuator/health: UP while this instance's worker completes its polls (one
 * within three poll intervals, or one still running that started within half a lease, the
 * longest a poll may send); DOWN when they stopped (the scheduler is stuck, or every poll
 * fails, for example because the database is unreachable).
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

	private final OutboxWorker worker;

	private final MailSettings settings;

	private final Clock clock;

	OutboxHealth(OutboxWorker worker, MailSettings settings, Optional<Clock> clock) {
		this.worker = worker;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		Instant last = this.worker.lastCompleted();
		Instant running = this.worker.runningSince();
		Duration allowed = this.settings.pollInterval().multipliedBy(3);
		boolean recent = !last.plus(allowed).isBefore(now);
		boolean busy = running != null && !running.plus(this.settings.lease().dividedBy(2)).isBefore(now);
		if (recent || busy) {
			return Health.up().withDetail("lastPoll", last.toString()).build();
		}
		return Health.down()
			.withDetail("reason", "the outbox worker has not completed a poll since " + last)
			.withDetail("lastPoll", last.toString())
			.build();
	}

}
