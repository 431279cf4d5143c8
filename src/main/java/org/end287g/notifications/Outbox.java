package org.end287g.notifications;

/**
 * Stores a message in the caller's transaction; a background worker sends it after
 * commit, retries with backoff when the SMTP server fails, and never sends it twice.
 * Nothing is stored when the transaction rolls back.
 */
public interface Outbox {

	/**
	 * Queues a message. A message of a {@link Mail#category() category} the recipient
	 * unsubscribed from is dropped.
	 */
	void enqueue(Mail mail);

}
