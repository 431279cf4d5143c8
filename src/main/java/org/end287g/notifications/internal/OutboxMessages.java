package org.end287g.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.audit.AuditLog;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the staff page, the health indicator and the unsubscribe page read and change in
 * the outbox: the list of messages (metadata only), one kept message in full, what waits
 * and what failed or expired, retries (audited), an unsubscription.
 */
@Component
class OutboxMessages {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final Clock clock;

	OutboxMessages(JdbcClient jdbc, PersonalDataCipher cipher, AuditLog audit, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** One page of messages, newest first, and whether another page follows. */
	Page page(int number, int size) {
		OffsetDateTime now = now();
		List<Summary> rows = this.jdbc.sql("""
				SELECT id, created_at, expires_at, template, language, category, status, attempts, last_error
				FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
			.params(size + 1, (long) number * size)
			.query((rs, row) -> summary(rs, now))
			.list();
		boolean more = rows.size() > size;
		return new Page(number, more ? rows.subList(0, size) : rows, more);
	}

	/**
	 * One page of messages, newest first, with their recipients and subjects decrypted:
	 * the local mailbox of the embedded default, where this machine's person reads them.
	 */
	Headers headers(int number, int size) {
		OffsetDateTime now = now();
		List<Header> rows = this.jdbc
			.sql("""
					SELECT id, created_at, expires_at, template, language, category, status, attempts, last_error,
						recipient_sealed, subject_sealed FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
			.params(size + 1, (long) number * size)
			.query((rs, row) -> new Header(summary(rs, now),
					this.cipher.open(rs.getBytes("recipient_sealed"), JdbcOutbox.RECIPIENT),
					this.cipher.open(rs.getBytes("subject_sealed"), JdbcOutbox.SUBJECT)))
			.list();
		boolean more = rows.size() > size;
		return new Headers(number, more ? rows.subList(0, size) : rows, more);
	}

	/** A message with its recipient, subject and body decrypted. */
	Optional<Full> full(long id) {
		OffsetDateTime now = now();
		return this.jdbc.sql("""
				SELECT id, created_at, expires_at, template, language, category, status, attempts, last_error,
					recipient_sealed, subject_sealed, body_sealed FROM mail_outbox WHERE id = ?""")
			.param(id)
			.query((rs, row) -> new Full(summary(rs, now),
					this.cipher.open(rs.getBytes("recipient_sealed"), JdbcOutbox.RECIPIENT),
					this.cipher.open(rs.getBytes("subject_sealed"), JdbcOutbox.SUBJECT),
					segments(this.cipher.open(rs.getBytes("body_sealed"), JdbcOutbox.BODY))))
			.optional();
	}

	private static Summary summary(ResultSet rs, OffsetDateTime now) throws SQLException {
		OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
		return new Summary(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class), expiresAt,
				rs.getString("template"), rs.getString("language"), rs.getString("category"), rs.getString("status"),
				rs.getInt("attempts"), rs.getString("last_error"), expiresAt.isAfter(now));
	}

	Optional<String> status(long id) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).optional();
	}

	/**
	 * How many messages wait to be sent (or are being sent), and since when the oldest.
	 */
	Waiting waiting() {
		return this.jdbc.sql("""
				SELECT COUNT(*) AS waiting, MIN(created_at) AS oldest FROM mail_outbox
				WHERE status IN ('PENDING', 'SENDING')""").query((rs, row) -> {
			OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
			return new Waiting(rs.getLong("waiting"), (oldest != null) ? oldest.toInstant() : null);
		}).single();
	}

	/**
	 * What the staff page sums up: what waits, what failed (and of it, what may still be
	 * retried: not past its deadline), what expired.
	 */
	Counts counts() {
		Waiting waiting = waiting();
		return this.jdbc.sql("""
				SELECT SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
					SUM(CASE WHEN status = 'FAILED' AND expires_at > ? THEN 1 ELSE 0 END) AS retryable,
					SUM(CASE WHEN status = 'EXPIRED' THEN 1 ELSE 0 END) AS expired
				FROM mail_outbox WHERE status IN ('FAILED', 'EXPIRED')""")
			.param(now())
			.query((rs, row) -> new Counts(waiting, rs.getLong("failed"), rs.getLong("retryable"),
					rs.getLong("expired")))
			.single();
	}

	/**
	 * Queues a FAILED message again with a fresh count of attempts, unless its deadline
	 * passed (its content, a sign-in link for example, is no longer worth sending). The
	 * audit log records who did it.
	 */
	@Transactional
	Retry retry(String actor, long id) {
		OffsetDateTime now = now();
		int queued = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL
				WHERE id = ? AND status = 'FAILED' AND expires_at > ?""").params(now, id, now).update();
		if (queued > 0) {
			this.audit.record(actor, "mail.retry", "mail:" + id, null);
			return Retry.QUEUED;
		}
		return "FAILED".equals(status(id).orElse(null)) ? Retry.PAST_DEADLINE : Retry.NOT_FAILED;
	}

	/**
	 * Queues every FAILED message that is not past its deadline again (after the mail
	 * server refused them all, for example while its configuration was wrong), in one
	 * statement, audited with the count.
	 * @return how many were queued
	 */
	@Transactional
	int retryAllFailed(String actor) {
		OffsetDateTime now = now();
		int queued = this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL
				WHERE status = 'FAILED' AND expires_at > ?""").params(now, now).update();
		this.audit.record(actor, "mail.retry-all", "mail", "messages=" + queued);
		return queued;
	}

	/**
	 * Records that this person wants no more mail of this category (again is harmless)
	 * and drops what of it is still queued.
	 */
	@Transactional
	void unsubscribe(String recipientIndex, String category) {
		try {
			this.jdbc.sql("""
					INSERT INTO mail_suppressions (recipient_index, category, created_at)
					SELECT ?, ?, ? WHERE NOT EXISTS (
						SELECT 1 FROM mail_suppressions WHERE recipient_index = ? AND category = ?)""")
				.params(recipientIndex, category, now(), recipientIndex, category)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// the same person clicked twice at once: the other request recorded it
		}
		this.jdbc.sql("DELETE FROM mail_outbox WHERE recipient_index = ? AND category = ? AND status = 'PENDING'")
			.params(recipientIndex, category)
			.update();
	}

	/** The body as text and links, for a page that shows it with clickable links. */
	static List<Segment> segments(String body) {
		List<Segment> segments = new ArrayList<>();
		Matcher link = LINK.matcher(body);
		int last = 0;
		while (link.find()) {
			if (link.start() > last) {
				segments.add(new Segment(body.substring(last, link.start()), false));
			}
			segments.add(new Segment(link.group(), true));
			last = link.end();
		}
		if (last < body.length()) {
			segments.add(new Segment(body.substring(last), false));
		}
		return segments;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * One message as the staff page lists it.
	 *
	 * @param expiresAt its deadline
	 * @param useful whether its deadline is still ahead
	 */
	public record Summary(long id, OffsetDateTime createdAt, OffsetDateTime expiresAt, String template, String language,
			@Nullable String category, String status, int attempts, @Nullable String lastError, boolean useful) {

		public boolean failed() {
			return "FAILED".equals(this.status);
		}

		/** A failed message staff may queue again. */
		public boolean retryable() {
			return failed() && this.useful;
		}

	}

	/**
	 * What waits to be sent.
	 *
	 * @param count messages PENDING or SENDING
	 * @param oldestSince when the oldest of them was queued, {@code null} when none waits
	 */
	public record Waiting(long count, @Nullable Instant oldestSince) {

		/** How long the oldest message has waited (zero when none waits). */
		public Duration oldestAge(Instant now) {
			Instant oldest = this.oldestSince;
			return (oldest != null && oldest.isBefore(now)) ? Duration.between(oldest, now) : Duration.ZERO;
		}

	}

	/**
	 * The staff page's summary.
	 *
	 * @param waiting what waits
	 * @param failed messages FAILED
	 * @param retryable of those, the ones not past their deadline
	 * @param expired messages EXPIRED
	 */
	public record Counts(Waiting waiting, long failed, long retryable, long expired) {

	}

	/** What a retry of one message did. */
	enum Retry {

		QUEUED, NOT_FAILED, PAST_DEADLINE

	}

	public record Full(Summary summary, String recipient, String subject, List<Segment> body) {

	}

	public record Segment(String text, boolean link) {

	}

	public record Header(Summary summary, String recipient, String subject) {

	}

	public record Headers(int number, List<Header> messages, boolean hasNext) {

		public boolean hasPrevious() {
			return this.number > 0;
		}

	}

	public record Page(int number, List<Summary> messages, boolean hasNext) {

		public boolean hasPrevious() {
			return this.number > 0;
		}

	}

}
