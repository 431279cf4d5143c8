package org.end287g.notifications;

import java.util.List;

/**
 * Stores a message in the caller's transaction; a background worker sends it after commit
 * and never sends it twice. When the mail server is unreachable or asks to try later, the
 * worker retries with capped backoff until the message's deadline
 * ({@link Mail#usefulFor()}), then marks it EXPIRED; when the server refuses the
 * recipient for good (a 5xx reply), the message is FAILED at once. Nothing is stored when
 * the transaction rolls back.
 */
public interface Outbox {

	/**
	 * Queues a message. A message of a {@link Mail#category() category} the recipient
	 * unsubscribed from is dropped.
	 */
	void enqueue(Mail mail);

	/**
	 * Queues several messages with one statement: what a batch of signatures sends at
	 * once. Each is treated as {@link #enqueue} would.
	 */
	default void enqueueAll(List<Mail> mails) {
		mails.forEach(this::enqueue);
	}

}
