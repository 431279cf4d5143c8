package org.end287g.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.mail.*}: the sender address, how often the outbox worker polls, how many
 * messages it claims at once and over how many SMTP connections it sends them, how long a
 * claim lasts, the retry backoff, how long a message is worth sending when its sender
 * does not say, when the health turns DEGRADED, and how long sent, kept, failed and
 * expired messages are kept.
 *
 * @param from the From address of every message
 * @param pollInterval pause between two polls of the worker on each instance
 * @param pollInitialDelay wait before an instance's first poll (none: mail left queued
 * goes as the instance starts)
 * @param batchSize messages claimed at once by one connection's sender
 * @param connections SMTP connections each instance sends over in parallel (1 to 64),
 * each kept open for many messages: on a busy day one connection at a time sends under a
 * hundred messages a second, the mail server's round trips being the limit
 * @param lease how long a claim lasts; the worker renews it while it sends, so a message
 * still claimed after it (its instance stopped) goes back to the queue. At most a minute:
 * a dead instance's messages are sent by another within a minute.
 * @param backoffBase wait after the first failure, doubled after each further failure
 * @param backoffCap longest wait between two attempts
 * @param usefulFor the deadline of a message whose sender gives none: after this long, a
 * message the mail server never took ends EXPIRED
 * @param degradedAfter the "outbox" health turns DEGRADED (still HTTP 200) when a message
 * has waited longer than this
 * @param keep how long sent, kept, failed and expired messages stay in the database
 * @param purgeInterval pause between two purges of old messages
 */
@ConfigurationProperties("end287g.mail")
record MailSettings(@DefaultValue("end287g <no-reply@localhost>") String from,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("0s") Duration pollInitialDelay,
		@DefaultValue("20") int batchSize, @DefaultValue("8") int connections, @DefaultValue("45s") Duration lease,
		@DefaultValue("1m") Duration backoffBase, @DefaultValue("15m") Duration backoffCap,
		@DefaultValue("3d") Duration usefulFor, @DefaultValue("15m") Duration degradedAfter,
		@DefaultValue("30d") Duration keep, @DefaultValue("1h") Duration purgeInterval) {

	/** More would only queue at the mail server and hold database connections. */
	static final int MAX_CONNECTIONS = 64;

	public MailSettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("end287g.mail.batch-size must be at least 1");
		}
		if (connections < 1 || connections > MAX_CONNECTIONS) {
			throw new IllegalArgumentException("end287g.mail.connections must be between 1 and " + MAX_CONNECTIONS
					+ " (SMTP connections per instance), not " + connections);
		}
		if (lease.compareTo(Duration.ofSeconds(10)) < 0 || lease.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("end287g.mail.lease must be between 10 seconds and a minute");
		}
		if (!usefulFor.isPositive() || !backoffBase.isPositive() || backoffCap.compareTo(backoffBase) < 0) {
			throw new IllegalArgumentException(
					"end287g.mail.useful-for and backoff-base must be positive, backoff-cap at least backoff-base");
		}
	}

	/**
	 * The wait before the next attempt after {@code failures} failed attempts (1, 2...).
	 */
	Duration backoff(int failures) {
		Duration wait = this.backoffBase;
		for (int i = 1; i < failures && wait.compareTo(this.backoffCap) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.backoffCap) > 0) ? this.backoffCap : wait;
	}

}
