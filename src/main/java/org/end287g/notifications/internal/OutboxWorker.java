package org.end287g.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.end287g.DatabaseProduct;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Every instance polls; a batch of messages is claimed by
 * one conditional UPDATE (PENDING to SENDING, with the batch's random token and a lease
 * of {@code end287g.mail.lease}, under a minute), so two instances never claim the same
 * row, and only then sent. Urgent messages (a sign-in link) are claimed before the rest
 * (an update, a reminder). While a batch is sent the worker renews its lease whenever a
 * third of it has passed, so a message is only sent while its claim holds for two thirds
 * of a lease still; a message whose lease ran out (its instance stopped) goes back to the
 * queue, so another instance sends it within a minute.
 * <p>
 * When a poll finds a full batch (a backlog), it sends over
 * {@code end287g.mail.connections} SMTP connections in parallel, each claiming its own
 * batches and keeping its connection open for message after message until the backlog is
 * gone. Without an SMTP server (no {@link JavaMailSender}: {@code spring.mail.host}
 * unset) messages are marked KEPT and shown on /admin/mail instead.
 * <p>
 * A failed send ({@link SendFailure}): a refusal of the recipient or the message for good
 * (5xx) marks it FAILED at once; anything else is retried with doubling backoff, capped,
 * for as long as the message is useful. A message still unsent at its deadline is marked
 * EXPIRED. When the server itself fails (unreachable, refusing the session), this
 * instance claims nothing more until that message's next attempt, and its other
 * connections stop before their next message: one message (at most one per connection in
 * flight at that moment) probes the server, instead of every message.
 * <p>
 * The one window for a duplicate: the instance crashes (or stalls past its lease) after
 * the SMTP server accepted the message and before SENT is committed (or the connection
 * breaks in between); the message is sent again, with the same Message-ID, which lets
 * receivers drop it. Each message is marked SENT on its own as soon as the server took
 * it, so that window holds at most the one message in flight on each connection.
 */
@Component
class OutboxWorker {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private static final int MAX_ERROR_CHARS = 500;

	private final JdbcClient jdbc;

	private final MailSettings settings;

	private final ObjectProvider<JavaMailSender> senders;

	private final PersonalDataCipher cipher;

	private final MailLinks links;

	private final Clock clock;

	/** PostgreSQL's claim skips rows another instance is claiming at the same moment. */
	private final String skipLocked;

	/**
	 * On PostgreSQL, a message marked SENT commits without waiting for the disk: the mark
	 * of each message costs a round trip, not a flush. Should the database itself crash
	 * within the moment before the flush, the mark is lost and the message goes again
	 * with its Message-ID, as after a crash of this instance between send and mark.
	 */
	private final String commitWithoutFlush;

	private final Instant started;

	private volatile @Nullable Instant lastCompleted;

	private volatile @Nullable Instant runningSince;

	private volatile Instant lastProgress;

	/** Until when this instance leaves the failed server alone. */
	private volatile Instant serverPausedUntil = Instant.MIN;

	OutboxWorker(JdbcClient jdbc, DataSource dataSource, MailSettings settings, ObjectProvider<JavaMailSender> senders,
			PersonalDataCipher cipher, MailLinks links, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.senders = senders;
		this.cipher = cipher;
		this.links = links;
		this.clock = clock.orElse(Clock.systemUTC());
		boolean postgres = DatabaseProduct.isPostgresql(dataSource);
		this.skipLocked = postgres ? " FOR UPDATE SKIP LOCKED" : "";
		this.commitWithoutFlush = postgres ? " AND set_config('synchronous_commit', 'off', true) IS NOT NULL" : "";
		this.started = this.clock.instant();
		this.lastProgress = this.started;
	}

	/** Whether mail leaves through SMTP (else it is kept for the staff page). */
	boolean sends() {
		return this.senders.getIfAvailable() != null;
	}

	@Scheduled(fixedDelayString = "${end287g.mail.poll-interval:1s}",
			initialDelayString = "${end287g.mail.poll-initial-delay:0s}")
	void scheduledPoll() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			// the health indicator turns DOWN when polls stop completing
			log.warn("Outbox poll failed: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * One round: returns expired claims to the queue, marks messages past their deadline
	 * EXPIRED, claims due messages, sends or keeps each one, over several connections in
	 * parallel while the batches come full. Safe to run on any number of instances (and
	 * threads) at once.
	 * @return how many messages this round handled (sent, kept, failed, retried later or
	 * expired while claimed)
	 */
	int poll() {
		Instant start = this.clock.instant();
		this.runningSince = start;
		this.lastProgress = start;
		try {
			releaseExpiredClaims();
			expireOverdue();
			int handled = serverPaused() ? 0 : drain();
			this.lastCompleted = this.clock.instant();
			return handled;
		}
		finally {
			this.runningSince = null;
		}
	}

	/** When this instance's worker last completed a poll (else when it started). */
	Instant lastCompleted() {
		Instant last = this.lastCompleted;
		return (last != null) ? last : this.started;
	}

	/** When the poll now running started, or {@code null}. */
	@Nullable Instant runningSince() {
		return this.runningSince;
	}

	/**
	 * When the running poll last moved on (started, or took up its next message): a poll
	 * that sends a long backlog stays healthy as long as each message goes.
	 */
	Instant lastProgress() {
		return this.lastProgress;
	}

	private void releaseExpiredClaims() {
		int released = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', claim_token = NULL, claimed_until = NULL
				WHERE status = 'SENDING' AND claimed_until < ?""").param(now()).update();
		if (released > 0) {
			log.warn("{} outbox messages were claimed by an instance that stopped; queued again", released);
		}
	}

	/** Messages still waiting at their deadline are no longer worth sending. */
	private void expireOverdue() {
		int expired = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'EXPIRED'
				WHERE status = 'PENDING' AND expires_at <= ?""").param(now()).update();
		if (expired > 0) {
			log.warn("{} outbox messages expired unsent: their deadline passed while the mail server failed", expired);
		}
	}

	/**
	 * Claims a first batch; when it comes full (a backlog), the other connections start
	 * beside this one, and whenever a connection's batch comes full again, those that
	 * stopped for want of mail start again: a backlog that builds up while this poll runs
	 * (a viral petition) gets every connection, not only those that found mail when the
	 * poll started.
	 */
	private int drain() {
		JavaMailSender sender = this.senders.getIfAvailable();
		Batch first = claim();
		int lanes = this.settings.connections();
		if (sender == null || lanes == 1 || first.messages().size() < this.settings.batchSize()) {
			return drain(sender, first, null);
		}
		// platform threads, not virtual: on a busy day the request threads of the site
		// keep
		// the processor busy, and the sessions must get their share of it, not only that
		// of
		// the few carriers all virtual threads share
		try (ExecutorService pool = Executors
			.newThreadPerTaskExecutor(Thread.ofPlatform().name("outbox-", 1).factory())) {
			Lanes others = new Lanes(pool, lanes - 1, sender);
			int handled = drain(sender, first, others);
			return handled + others.awaitHandled();
		}
	}

	/**
	 * The connections beside the poll's own: how many run, started again while the
	 * batches come full, and what they handled; the poll waits for the last one.
	 */
	private final class Lanes {

		private final ExecutorService pool;

		private final int max;

		private final JavaMailSender sender;

		private final AtomicInteger running = new AtomicInteger();

		private final AtomicInteger handled = new AtomicInteger();

		private final Phaser finished = new Phaser(1);

		private final AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();

		Lanes(ExecutorService pool, int max, JavaMailSender sender) {
			this.pool = pool;
			this.max = max;
			this.sender = sender;
		}

		/**
		 * Starts connections until all run (called by a connection whose batch came
		 * full).
		 */
		void fillUp() {
			int now;
			while ((now = this.running.get()) < this.max && !serverPaused()) {
				if (this.running.compareAndSet(now, now + 1)) {
					this.finished.register();
					this.pool.execute(this::lane);
				}
			}
		}

		private void lane() {
			try {
				if (!serverPaused()) {
					this.handled.addAndGet(drain(this.sender, claim(), this));
				}
			}
			catch (RuntimeException ex) {
				this.failure.compareAndSet(null, ex);
			}
			finally {
				this.running.decrementAndGet();
				this.finished.arriveAndDeregister();
			}
		}

		/** Waits for every connection started to stop; what they handled. */
		int awaitHandled() {
			this.finished.arriveAndAwaitAdvance();
			RuntimeException failed = this.failure.get();
			if (failed != null) {
				throw failed;
			}
			return this.handled.get();
		}

	}

	/**
	 * One connection's share of the poll: sends its batch over one SMTP connection (or
	 * keeps it without a server), then claims the next while the batches come full and
	 * the server answers; each full batch starts the stopped connections again.
	 */
	private int drain(@Nullable JavaMailSender sender, Batch first, @Nullable Lanes lanes) {
		SmtpConnection smtp = (sender != null) ? new SmtpConnection(sender) : null;
		try {
			int handled = 0;
			Batch batch = first;
			while (true) {
				if (lanes != null && batch.messages().size() >= this.settings.batchSize()) {
					lanes.fillUp();
				}
				Round round = handle(batch, smtp);
				handled += round.handled();
				if (batch.messages().size() < this.settings.batchSize() || round.serverFailed() || serverPaused()) {
					return handled;
				}
				batch = claim();
			}
		}
		finally {
			if (smtp != null) {
				smtp.close();
			}
		}
	}

	private Batch claim() {
		String token = UUID.randomUUID().toString();
		Instant claimedAt = this.clock.instant();
		OffsetDateTime now = OffsetDateTime.ofInstant(claimedAt, ZoneOffset.UTC);
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claim_token = ?, claimed_until = ?
				WHERE status = 'PENDING' AND next_attempt_at <= ? AND expires_at > ? AND id IN (
					SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? AND expires_at > ?
					ORDER BY priority, next_attempt_at, id LIMIT ?""" + this.skipLocked + ")")
			.params(token, now.plus(this.settings.lease()), now, now, now, now, this.settings.batchSize())
			.update();
		// whether the person unsubscribed from its category since it was queued, read
		// with the claim instead of a query per message
		List<Claimed> messages = this.jdbc.sql("""
				SELECT id, message_id, recipient_index, recipient_sealed, category, subject_sealed, body_sealed,
					attachment_name, attachment_type, attachment_sealed, attempts, expires_at,
					CASE WHEN category IS NOT NULL AND EXISTS (SELECT 1 FROM mail_suppressions s
						WHERE s.recipient_index = mail_outbox.recipient_index AND s.category = mail_outbox.category)
					THEN 1 ELSE 0 END AS suppressed
				FROM mail_outbox WHERE claim_token = ? AND status = 'SENDING'
				ORDER BY priority, next_attempt_at, id""")
			.param(token)
			.query((rs, row) -> new Claimed(rs.getLong("id"), token, rs.getString("message_id"),
					rs.getString("recipient_index"), rs.getBytes("recipient_sealed"), rs.getString("category"),
					rs.getBytes("subject_sealed"), rs.getBytes("body_sealed"), SealedAttachment.of(rs),
					rs.getInt("attempts"), rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
					rs.getInt("suppressed") == 1))
			.list();
		return new Batch(token, claimedAt, messages);
	}

	/**
	 * Sends each message, or keeps it when no SMTP server is configured ({@code null}).
	 * Stops at the first failure of the server itself (here or on another connection of
	 * this instance) and returns the rest to the queue.
	 */
	private Round handle(Batch batch, @Nullable SmtpConnection smtp) {
		int handled = 0;
		Lease lease = new Lease(batch);
		for (Claimed message : batch.messages()) {
			if (smtp != null && serverPaused()) {
				release(batch);
				return new Round(handled, true);
			}
			if (!lease.holds(message)) {
				continue;
			}
			this.lastProgress = this.clock.instant();
			if (!this.clock.instant().isBefore(message.expiresAt())) {
				expired(message);
				handled++;
				continue;
			}
			if (message.suppressed() && suppressedSinceQueued(message)) {
				continue;
			}
			handled++;
			if (smtp == null) {
				finishAs(message, "KEPT");
				continue;
			}
			MimeMessage mime;
			try {
				mime = mime(smtp.sender(), message);
			}
			catch (RuntimeException | MessagingException ex) {
				failed(message, ex, SendFailure.RETRY_MESSAGE);
				continue;
			}
			try {
				smtp.send(mime);
				finishAs(message, "SENT");
				serverAnswered();
			}
			catch (RuntimeException | MessagingException ex) {
				SendFailure failure = SendFailure.of(ex);
				Instant next = failed(message, ex, failure);
				if (failure != SendFailure.RETRY_SERVER) {
					serverAnswered();
				}
				else if (next != null) {
					serverFailed(next);
					release(batch);
					return new Round(handled, true);
				}
			}
		}
		return new Round(handled, false);
	}

	/**
	 * Renews the claim of what the batch still holds for a full lease.
	 * @return the ids the batch still holds (a message whose lease ran out while earlier
	 * messages were sent was taken by another instance)
	 */
	private Set<Long> renew(Batch batch) {
		OffsetDateTime until = now().plus(this.settings.lease());
		this.jdbc.sql("""
				UPDATE mail_outbox SET claimed_until = ? WHERE claim_token = ? AND status = 'SENDING'""")
			.params(until, batch.token())
			.update();
		return new HashSet<>(this.jdbc.sql("SELECT id FROM mail_outbox WHERE claim_token = ? AND status = 'SENDING'")
			.param(batch.token())
			.query(Long.class)
			.list());
	}

	private MimeMessage mime(JavaMailSender sender, Claimed message) throws MessagingException {
		MimeMessage mime = sender.createMimeMessage();
		SealedAttachment attachment = message.attachment();
		MimeMessageHelper helper = new MimeMessageHelper(mime, attachment != null, "UTF-8");
		helper.setFrom(this.settings.from());
		helper.setTo(JdbcOutbox.checkedAddress(this.cipher.open(message.recipientSealed(), JdbcOutbox.RECIPIENT)));
		helper.setSubject(this.cipher.open(message.subjectSealed(), JdbcOutbox.SUBJECT));
		helper.setText(this.cipher.open(message.bodySealed(), JdbcOutbox.BODY), false);
		if (attachment != null) {
			byte[] file = this.cipher.open(attachment.sealed(), JdbcOutbox.ATTACHMENT).getBytes(StandardCharsets.UTF_8);
			helper.addAttachment(attachment.name(), new ByteArrayResource(file), attachment.type() + "; charset=UTF-8");
		}
		helper.setSentDate(Date.from(this.clock.instant()));
		// Spring keeps an explicit Message-ID: a resend after a crash carries the same
		// one
		mime.setHeader("Message-ID", message.messageId());
		mime.setHeader("Auto-Submitted", "auto-generated");
		if (message.category() != null) {
			mime.setHeader("List-Unsubscribe",
					"<" + this.links.unsubscribe(message.recipientIndex(), message.category()) + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		return mime;
	}

	/** The person unsubscribed after the message was queued: it is dropped. */
	private boolean suppressedSinceQueued(Claimed message) {
		return this.jdbc.sql("""
				DELETE FROM mail_outbox WHERE id = ? AND claim_token = ? AND EXISTS (
					SELECT 1 FROM mail_suppressions s
					WHERE s.recipient_index = mail_outbox.recipient_index AND s.category = mail_outbox.category)""")
			.params(message.id(), message.claimToken())
			.update() > 0;
	}

	/** SENT or KEPT. */
	private void finishAs(Claimed message, String status) {
		int updated = this.jdbc.sql("""
				UPDATE mail_outbox SET status = ?, sent_at = ?, claim_token = NULL, claimed_until = NULL,
					attempts = attempts + ?, last_error = NULL
				WHERE id = ? AND claim_token = ?""" + this.commitWithoutFlush)
			.params(status, now(), "SENT".equals(status) ? 1 : 0, message.id(), message.claimToken())
			.update();
		if (updated == 0) {
			log.warn("Outbox message {} was {} after its claim expired", message.id(), status);
		}
	}

	/** Its deadline passed while it waited in this batch; the last error stays. */
	private void expired(Claimed message) {
		int updated = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'EXPIRED', claim_token = NULL, claimed_until = NULL
				WHERE id = ? AND claim_token = ?""").params(message.id(), message.claimToken()).update();
		if (updated > 0) {
			log.warn("Outbox message {} expired unsent: its deadline passed", message.id());
		}
	}

	/**
	 * Records a failed attempt: FAILED for good, or PENDING again after the backoff.
	 * @return when the message is tried again, or {@code null} when this batch no longer
	 * held it (its lease ran out and another instance took it)
	 */
	private @Nullable Instant failed(Claimed message, Exception ex, SendFailure failure) {
		int attempts = message.attempts() + 1;
		String error = describe(ex);
		boolean permanent = failure == SendFailure.PERMANENT;
		Duration wait = this.settings.backoff(attempts);
		OffsetDateTime next = now().plus(wait);
		int updated = this.jdbc.sql("""
				UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
					claim_token = NULL, claimed_until = NULL
				WHERE id = ? AND claim_token = ?""")
			.params(permanent ? "FAILED" : "PENDING", attempts, next, error, message.id(), message.claimToken())
			.update();
		if (updated == 0) {
			log.warn("Outbox message {} failed after its claim expired: {}", message.id(), error);
		}
		else if (permanent) {
			log.warn("Outbox message {} refused for good by the mail server: {}", message.id(), error);
		}
		else {
			log.warn("Outbox message {} not sent (attempt {}), next in {}: {}", message.id(), attempts, wait, error);
		}
		return (updated > 0) ? next.toInstant() : null;
	}

	/** Returns what the batch still holds, unsent, to the queue. */
	private void release(Batch batch) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', claim_token = NULL, claimed_until = NULL
				WHERE claim_token = ? AND status = 'SENDING'""").param(batch.token()).update();
	}

	private boolean serverPaused() {
		return sends() && this.clock.instant().isBefore(this.serverPausedUntil);
	}

	/** The server failed: nothing is claimed until the failed message's next attempt. */
	private void serverFailed(Instant nextAttempt) {
		this.serverPausedUntil = nextAttempt;
	}

	private void serverAnswered() {
		if (!Instant.MIN.equals(this.serverPausedUntil)) {
			this.serverPausedUntil = Instant.MIN;
		}
	}

	/**
	 * What went wrong without personal data: the types of the exceptions and the server's
	 * reply codes (for example
	 * {@code SendFailedException < SMTPAddressFailedException 550}), never their messages
	 * (a server's reply may quote the address).
	 */
	static String describe(Throwable failure) {
		Set<String> parts = new LinkedHashSet<>();
		for (Throwable ex : SendFailure.chain(failure)) {
			int code = SendFailure.replyCode(ex);
			parts.add(ex.getClass().getSimpleName() + ((code > 0) ? " " + code : ""));
		}
		String text = String.join(" < ", parts);
		return (text.length() > MAX_ERROR_CHARS) ? text.substring(0, MAX_ERROR_CHARS) : text;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	record Claimed(long id, String claimToken, String messageId, String recipientIndex, byte[] recipientSealed,
			@Nullable String category, byte[] subjectSealed, byte[] bodySealed, @Nullable SealedAttachment attachment,
			int attempts, Instant expiresAt, boolean suppressed) {

	}

	/** What one claim took, under its token, and when. */
	record Batch(String token, Instant claimedAt, List<Claimed> messages) {

	}

	/**
	 * The batch's claim while it is sent: renewed (one statement for the whole batch)
	 * whenever a third of the lease has passed since the claim or the last renewal, so
	 * each message goes while its claim still holds for at least two thirds of a lease.
	 */
	private final class Lease {

		private final Batch batch;

		private Instant renewedAt;

		private @Nullable Set<Long> held;

		Lease(Batch batch) {
			this.batch = batch;
			this.renewedAt = batch.claimedAt();
		}

		boolean holds(Claimed message) {
			Instant now = OutboxWorker.this.clock.instant();
			if (!now.isBefore(this.renewedAt.plus(OutboxWorker.this.settings.lease().dividedBy(3)))) {
				this.held = renew(this.batch);
				this.renewedAt = now;
			}
			Set<Long> ids = this.held;
			return ids == null || ids.contains(message.id());
		}

	}

	/** What one poll round handled, and whether the server failed (the poll stops). */
	private record Round(int handled, boolean serverFailed) {

	}

	/** The file queued with a message, still sealed. */
	record SealedAttachment(String name, String type, byte[] sealed) {

		/** The row's attachment, or {@code null} when the message has none. */
		static @Nullable SealedAttachment of(ResultSet rs) throws SQLException {
			byte[] sealed = rs.getBytes("attachment_sealed");
			return (sealed != null)
					? new SealedAttachment(rs.getString("attachment_name"), rs.getString("attachment_type"), sealed)
					: null;
		}

	}

}
