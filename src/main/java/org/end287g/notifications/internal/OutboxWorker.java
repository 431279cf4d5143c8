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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
 * Sends what the outbox holds. Every instance polls; a message is claimed by one
 * conditional UPDATE (PENDING to SENDING, with this poll's random token and a lease of
 * {@code end287g.mail.lease}, under a minute), so two instances never claim the same row,
 * and only then sent. Just before sending a message the worker renews its lease, so a
 * long batch never outlasts it; a message whose lease ran out (its instance stopped) goes
 * back to the queue, so another instance sends it within a minute. Without an SMTP server
 * (no {@link JavaMailSender}: {@code spring.mail.host} unset) messages are marked KEPT
 * and shown on /admin/mail instead.
 * <p>
 * A failed send ({@link SendFailure}): a refusal of the recipient or the message for good
 * (5xx) marks it FAILED at once; anything else is retried with doubling backoff, capped,
 * for as long as the message is useful. A message still unsent at its deadline is marked
 * EXPIRED. When the server itself fails (unreachable, refusing the session), this
 * instance claims nothing more until that message's next attempt: one message probes the
 * server, instead of a connection per message.
 * <p>
 * The one window for a duplicate: the instance crashes (or stalls past its lease) after
 * the SMTP server accepted the message and before SENT is committed; another instance
 * sends it again, with the same Message-ID, which lets receivers drop it.
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

	private final Instant started;

	private volatile @Nullable Instant lastCompleted;

	private volatile @Nullable Instant runningSince;

	private volatile Instant lastProgress;

	/** Until when this instance leaves the failed server alone. */
	private Instant serverPausedUntil = Instant.MIN;

	OutboxWorker(JdbcClient jdbc, MailSettings settings, ObjectProvider<JavaMailSender> senders,
			PersonalDataCipher cipher, MailLinks links, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.senders = senders;
		this.cipher = cipher;
		this.links = links;
		this.clock = clock.orElse(Clock.systemUTC());
		this.started = this.clock.instant();
		this.lastProgress = this.started;
	}

	/** Whether mail leaves through SMTP (else it is kept for the staff page). */
	boolean sends() {
		return this.senders.getIfAvailable() != null;
	}

	@Scheduled(fixedDelayString = "${end287g.mail.poll-interval:1s}")
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
	 * EXPIRED, claims due messages, sends or keeps each one. Safe to run on any number of
	 * instances (and threads) at once.
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
			int handled = 0;
			boolean more = !serverPaused();
			while (more) {
				List<Claimed> batch = claim();
				Round round = handle(batch);
				handled += round.handled();
				more = batch.size() == this.settings.batchSize() && !round.serverFailed();
			}
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

	private List<Claimed> claim() {
		String token = UUID.randomUUID().toString();
		OffsetDateTime now = now();
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claim_token = ?, claimed_until = ?
				WHERE status = 'PENDING' AND next_attempt_at <= ? AND expires_at > ? AND id IN (
					SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? AND expires_at > ?
					ORDER BY next_attempt_at, id LIMIT ?)""")
			.params(token, now.plus(this.settings.lease()), now, now, now, now, this.settings.batchSize())
			.update();
		return this.jdbc.sql("""
				SELECT id, message_id, recipient_index, recipient_sealed, category, subject_sealed, body_sealed,
					attachment_name, attachment_type, attachment_sealed, attempts, expires_at
				FROM mail_outbox WHERE claim_token = ? AND status = 'SENDING' ORDER BY id""")
			.param(token)
			.query((rs, row) -> new Claimed(rs.getLong("id"), token, rs.getString("message_id"),
					rs.getString("recipient_index"), rs.getBytes("recipient_sealed"), rs.getString("category"),
					rs.getBytes("subject_sealed"), rs.getBytes("body_sealed"), SealedAttachment.of(rs),
					rs.getInt("attempts"), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private Round handle(List<Claimed> batch) {
		if (batch.isEmpty()) {
			return new Round(0, false);
		}
		JavaMailSender sender = this.senders.getIfAvailable();
		if (sender == null) {
			return handle(batch, null);
		}
		try (SmtpConnection smtp = new SmtpConnection(sender)) {
			return handle(batch, smtp);
		}
	}

	/**
	 * Sends each message, or keeps it when no SMTP server is configured ({@code null}).
	 * Stops at the first failure of the server itself and returns the rest to the queue.
	 */
	private Round handle(List<Claimed> batch, @Nullable SmtpConnection smtp) {
		int handled = 0;
		for (int i = 0; i < batch.size(); i++) {
			Claimed message = batch.get(i);
			if (!renew(message)) {
				continue;
			}
			this.lastProgress = this.clock.instant();
			if (!this.clock.instant().isBefore(message.expiresAt())) {
				expired(message);
				handled++;
				continue;
			}
			if (message.category() != null && suppressedSinceQueued(message)) {
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
					batch.subList(i + 1, batch.size()).forEach(this::release);
					return new Round(handled, true);
				}
			}
		}
		return new Round(handled, false);
	}

	/**
	 * Renews the claim of the message for a full lease, just before it is sent, so a long
	 * batch never sends a message whose lease may run out meanwhile.
	 * @return whether this batch still held it (else its lease ran out while earlier
	 * messages were sent, and another instance took it)
	 */
	private boolean renew(Claimed message) {
		OffsetDateTime until = now().plus(this.settings.lease());
		return this.jdbc.sql("""
				UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND claim_token = ? AND status = 'SENDING'""")
			.params(until, message.id(), message.claimToken())
			.update() > 0;
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
				WHERE id = ? AND claim_token = ?""")
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

	private void release(Claimed message) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', claim_token = NULL, claimed_until = NULL
				WHERE id = ? AND claim_token = ?""").params(message.id(), message.claimToken()).update();
	}

	private synchronized boolean serverPaused() {
		return sends() && this.clock.instant().isBefore(this.serverPausedUntil);
	}

	/** The server failed: nothing is claimed until the failed message's next attempt. */
	private synchronized void serverFailed(Instant nextAttempt) {
		this.serverPausedUntil = nextAttempt;
	}

	private synchronized void serverAnswered() {
		this.serverPausedUntil = Instant.MIN;
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
			int attempts, Instant expiresAt) {

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
