package org.end287g.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.mail.*}: the sender address, how often the outbox worker polls and how
 * many messages it claims at once, how long a claim lasts, the retry backoff, and how
 * long sent, kept and failed messages are kept.
 *
 * @param from the From address of every message
 * @param pollInterval pause between two polls of the worker on each instance
 * @param batchSize messages claimed by one poll
 * @param lease how long a claim lasts; a message still claimed after it (its instance
 * crashed) goes back to the queue. Longer than a batch can take to send.
 * @param backoffBase wait after the first failure, doubled after each further failure
 * @param backoffCap longest wait between two attempts
 * @param maxAttempts attempts before a message is marked FAILED
 * @param keep how long sent, kept and failed messages stay in the database
 * @param purgeInterval pause between two purges of old messages
 */
@ConfigurationProperties("end287g.mail")
record MailSettings(@DefaultValue("end287g <no-reply@localhost>") String from,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("10m") Duration lease, @DefaultValue("30s") Duration backoffBase,
		@DefaultValue("1h") Duration backoffCap, @DefaultValue("8") int maxAttempts, @DefaultValue("30d") Duration keep,
		@DefaultValue("1h") Duration purgeInterval) {

	public MailSettings {
		if (batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("end287g.mail.batch-size and max-attempts must be at least 1");
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
