package org.end287g.notifications.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the staff page and the unsubscribe page read and change in the outbox: the list of
 * messages (metadata only), one kept message in full, a retry, an unsubscription.
 */
@Component
class OutboxMessages {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	OutboxMessages(JdbcClient jdbc, PersonalDataCipher cipher, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** One page of messages, newest first, and whether another page follows. */
	Page page(int number, int size) {
		List<Summary> rows = this.jdbc.sql("""
				SELECT id, created_at, template, language, category, status, attempts, last_error FROM mail_outbox
				ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
			.params(size + 1, (long) number * size)
			.query((rs, row) -> new Summary(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getString("template"), rs.getString("language"), rs.getString("category"),
					rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")))
			.list();
		boolean more = rows.size() > size;
		return new Page(number, more ? rows.subList(0, size) : rows, more);
	}

	/** A message with its recipient, subject and body decrypted. */
	Optional<Full> full(long id) {
		return this.jdbc.sql("""
				SELECT id, created_at, template, language, category, status, attempts, last_error,
					recipient_sealed, subject_sealed, body_sealed FROM mail_outbox WHERE id = ?""")
			.param(id)
			.query((rs, row) -> new Full(
					new Summary(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
							rs.getString("template"), rs.getString("language"), rs.getString("category"),
							rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")),
					this.cipher.open(rs.getBytes("recipient_sealed"), JdbcOutbox.RECIPIENT),
					this.cipher.open(rs.getBytes("subject_sealed"), JdbcOutbox.SUBJECT),
					segments(this.cipher.open(rs.getBytes("body_sealed"), JdbcOutbox.BODY))))
			.optional();
	}

	Optional<String> status(long id) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).optional();
	}

	/** Queues a FAILED message again with a fresh count of attempts. */
	boolean retry(long id) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL
				WHERE id = ? AND status = 'FAILED'""").params(now(), id).update() > 0;
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

	public record Summary(long id, OffsetDateTime createdAt, String template, String language,
			@Nullable String category, String status, int attempts, @Nullable String lastError) {

		public boolean failed() {
			return "FAILED".equals(this.status);
		}

	}

	public record Full(Summary summary, String recipient, String subject, List<Segment> body) {

	}

	public record Segment(String text, boolean link) {

	}

	public record Page(int number, List<Summary> messages, boolean hasNext) {

		public boolean hasPrevious() {
			return this.number > 0;
		}

	}

}
