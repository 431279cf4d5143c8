package org.end287g.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Every instance polls; a message is claimed by one
 * conditional UPDATE (PENDING to SENDING, with this poll's random token and a lease), so
 * two instances never claim the same row, and only then sent. Without an SMTP server (no
 * {@link JavaMailSender}: {@code spring.mail.host} unset) messages are marked KEPT and
 * shown on /admin/mail instead.
 * <p>
 * The one window for a duplicate: the instance crashes after the SMTP server accepted the
 * message and before SENT is committed; the lease expires and another instance sends it
 * again, with the same Message-ID, which lets receivers drop it.
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

	OutboxWorker(JdbcClient jdbc, MailSettings settings, ObjectProvider<JavaMailSender> senders,
			PersonalDataCipher cipher, MailLinks links, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.senders = senders;
		this.cipher = cipher;
		this.links = links;
		this.clock = clock.orElse(Clock.systemUTC());
		this.started = this.clock.instant();
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
	 * One round: returns expired claims to the queue, claims due messages, sends or keeps
	 * each one. Safe to run on any number of instances (and threads) at once.
	 * @return how many messages this round handled (sent, kept or failed)
	 */
	int poll() {
		this.runningSince = this.clock.instant();
		try {
			releaseExpiredClaims();
			int handled = 0;
			List<Claimed> batch;
			do {
				batch = claim();
				handled += handle(batch);
			}
			while (batch.size() == this.settings.batchSize());
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

	private void releaseExpiredClaims() {
		int released = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', claim_token = NULL, claimed_until = NULL
				WHERE status = 'SENDING' AND claimed_until < ?""").param(now()).update();
		if (released > 0) {
			log.warn("{} outbox messages were claimed by an instance that stopped; queued again", released);
		}
	}

	private List<Claimed> claim() {
		String token = UUID.randomUUID().toString();
		OffsetDateTime now = now();
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claim_token = ?, claimed_until = ?
				WHERE status = 'PENDING' AND next_attempt_at <= ? AND id IN (
					SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?
					ORDER BY next_attempt_at, id LIMIT ?)""")
			.params(token, now.plus(this.settings.lease()), now, now, this.settings.batchSize())
			.update();
		return this.jdbc.sql("""
				SELECT id, message_id, recipient_index, recipient_sealed, category, subject_sealed, body_sealed,
					attachment_name, attachment_type, attachment_sealed, attempts, claimed_until
				FROM mail_outbox WHERE claim_token = ? AND status = 'SENDING' ORDER BY id""")
			.param(token)
			.query((rs, row) -> new Claimed(rs.getLong("id"), token, rs.getString("message_id"),
					rs.getString("recipient_index"), rs.getBytes("recipient_sealed"), rs.getString("category"),
					rs.getBytes("subject_sealed"), rs.getBytes("body_sealed"), SealedAttachment.of(rs),
					rs.getInt("attempts"), rs.getObject("claimed_until", OffsetDateTime.class).toInstant()))
			.list();
	}

	private int handle(List<Claimed> batch) {
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
	 */
	private int handle(List<Claimed> batch, @Nullable SmtpConnection smtp) {
		int handled = 0;
		for (Claimed message : batch) {
			// never start a send that could outlast the claim: what is left goes back
			Instant safeUntil = message.claimedUntil().minus(this.settings.lease().dividedBy(2));
			if (this.clock.instant().isAfter(safeUntil)) {
				release(message);
				continue;
			}
			if (message.category() != null && suppressedSinceQueued(message)) {
				continue;
			}
			if (smtp == null) {
				finish(message, "KEPT");
			}
			else {
				try {
					smtp.send(mime(smtp.sender(), message));
					finish(message, "SENT");
				}
				catch (RuntimeException | MessagingException ex) {
					failed(message, ex);
				}
			}
			handled++;
		}
		return handled;
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
			byte[] file = this.cipher.open(attachment.sealed(), JdbcOutbox.ATTACHMENT)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			helper.addAttachment(attachment.name(), new org.springframework.core.io.ByteArrayResource(file),
					attachment.type() + "; charset=UTF-8");
		}
		helper.setSentDate(java.util.Date.from(this.clock.instant()));
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

	private void finish(Claimed message, String status) {
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

	private void failed(Claimed message, Exception ex) {
		int attempts = message.attempts() + 1;
		boolean last = attempts >= this.settings.maxAttempts();
		Duration wait = this.settings.backoff(attempts);
		String error = describe(ex);
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
					claim_token = NULL, claimed_until = NULL
				WHERE id = ? AND claim_token = ?""")
			.params(last ? "FAILED" : "PENDING", attempts, now().plus(wait), error, message.id(), message.claimToken())
			.update();
		log.warn("Outbox message {} not sent (attempt {}): {}", message.id(), attempts, error);
	}

	private void release(Claimed message) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', claim_token = NULL, claimed_until = NULL
				WHERE id = ? AND claim_token = ?""").params(message.id(), message.claimToken()).update();
	}

	/**
	 * What went wrong without personal data: the types of the exceptions (for example
	 * {@code MailSendException < SMTPAddressFailedException}), never their messages (a
	 * server's reply may quote the address).
	 */
	static String describe(Throwable failure) {
		Set<String> types = new LinkedHashSet<>();
		List<Throwable> pending = new ArrayList<>(List.of(failure));
		Set<Throwable> seen = new java.util.HashSet<>();
		while (!pending.isEmpty() && seen.size() < 20) {
			Throwable ex = pending.remove(0);
			if (ex == null || !seen.add(ex)) {
				continue;
			}
			types.add(ex.getClass().getSimpleName());
			if (ex instanceof MailSendException send) {
				pending.addAll(List.of(send.getMessageExceptions()));
			}
			if (ex instanceof MessagingException messaging) {
				pending.add(messaging.getNextException());
			}
			pending.add(ex.getCause());
		}
		String text = String.join(" < ", types);
		return (text.length() > MAX_ERROR_CHARS) ? text.substring(0, MAX_ERROR_CHARS) : text;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	record Claimed(long id, String claimToken, String messageId, String recipientIndex, byte[] recipientSealed,
			@Nullable String category, byte[] subjectSealed, byte[] bodySealed, @Nullable SealedAttachment attachment,
			int attempts, Instant claimedUntil) {

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
