package org.end287g.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders the message at once (so a template error fails the causing action, not the
 * worker) and stores it encrypted in the caller's transaction, with its deadline (the
 * sender's {@link Mail#usefulFor()}, else {@code end287g.mail.useful-for}). A message of
 * a category the recipient unsubscribed from is not stored at all. Each message gets its
 * urgency from its template: what a person waits for on the site right now goes first.
 */
@Component
class JdbcOutbox implements Outbox {

	static final String RECIPIENT = "mail_outbox.recipient";

	static final String SUBJECT = "mail_outbox.subject";

	static final String BODY = "mail_outbox.body";

	static final String ATTACHMENT = "mail_outbox.attachment";

	static final Locale SPANISH = Locale.forLanguageTag("es");

	/** The worker sends these first. */
	static final int URGENT = 0;

	static final int NOT_URGENT = 1;

	/**
	 * The templates of messages a person waits for on the site right now, to go on: a
	 * link or code to sign in, confirm a signature or a request, read their data.
	 * Updates, reminders and notices wait behind them on a busy day (V42 sets the same
	 * for messages queued before).
	 */
	static final Set<String> URGENT_TEMPLATES = Set.of("sign-in-link", "signature-confirm", "leader-confirm",
			"my-data-link", "my-data-code", "alert-confirm");

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final MailTemplates templates;

	private final MailLinks links;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final MailSettings settings;

	private final Clock clock;

	JdbcOutbox(JdbcClient jdbc, JdbcTemplate batch, MailTemplates templates, MailLinks links, PersonalDataCipher cipher,
			BlindIndex index, MailSettings settings, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.templates = templates;
		this.links = links;
		this.cipher = cipher;
		this.index = index;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	private static final String INSERT = """
			INSERT INTO mail_outbox (message_id, recipient_index, recipient_sealed, language, template, category,
				subject_sealed, body_sealed, attachment_name, attachment_type, attachment_sealed, status,
				priority, next_attempt_at, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""";

	@Override
	@Transactional
	public void enqueue(Mail mail) {
		Object[] row = row(mail);
		if (row != null) {
			this.jdbc.sql(INSERT).params(row).update();
		}
	}

	@Override
	@Transactional
	public void enqueueAll(List<Mail> mails) {
		List<Object[]> rows = new ArrayList<>(mails.size());
		for (Mail mail : mails) {
			Object[] row = row(mail);
			if (row != null) {
				rows.add(row);
			}
		}
		if (rows.size() == 1) {
			this.jdbc.sql(INSERT).params(rows.get(0)).update();
		}
		else if (!rows.isEmpty()) {
			this.batch.batchUpdate(INSERT, rows);
		}
	}

	/**
	 * The stored values of a message, rendered and sealed; {@code null} when its
	 * recipient unsubscribed from its category.
	 */
	private Object @Nullable [] row(Mail mail) {
		String to = checkedAddress(mail.to());
		if (!MailTemplates.isName(mail.template())
				|| (mail.category() != null && !MailTemplates.isName(mail.category()))) {
			throw new IllegalArgumentException("Template and category names are letters, digits and dashes");
		}
		String recipientIndex = this.index.ofEmail(to);
		if (mail.category() != null && isSuppressed(recipientIndex, mail.category())) {
			return null;
		}
		Locale locale = languageOf(mail.language());
		Map<String, Object> model = (mail.model() != null) ? mail.model() : Map.of();
		String subject = this.templates.subject(mail.template(), model, locale);
		String unsubscribe = (mail.category() != null) ? this.links.unsubscribe(recipientIndex, mail.category()) : null;
		String body = this.templates.body(mail.template(), model, locale) + this.templates.footer(mail.template(),
				mail.category(), locale, this.links.myData(recipientIndex), unsubscribe);
		OffsetDateTime now = OffsetDateTime.now(this.clock.withZone(ZoneOffset.UTC));
		Duration usefulFor = mail.usefulFor();
		OffsetDateTime deadline = now.plus((usefulFor != null) ? usefulFor : this.settings.usefulFor());
		Mail.Attachment attachment = mail.attachment();
		return new Object[] { "<" + UUID.randomUUID() + "@end287g>", recipientIndex, this.cipher.seal(to, RECIPIENT),
				locale.getLanguage(), mail.template(), mail.category(), this.cipher.seal(subject, SUBJECT),
				this.cipher.seal(body, BODY), (attachment != null) ? attachment.name() : null,
				(attachment != null) ? attachment.contentType() : null,
				(attachment != null) ? this.cipher.seal(attachment.text(), ATTACHMENT) : null,
				priorityOf(mail.template()), now, now, deadline };
	}

	static int priorityOf(String template) {
		return URGENT_TEMPLATES.contains(template) ? URGENT : NOT_URGENT;
	}

	boolean isSuppressed(String recipientIndex, String category) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_suppressions WHERE recipient_index = ? AND category = ?")
			.params(recipientIndex, category)
			.query(Integer.class)
			.single() > 0;
	}

	/** English unless Spanish: the two languages of the site. */
	static Locale languageOf(Locale language) {
		return (language != null && "es".equals(language.getLanguage())) ? SPANISH : Locale.ENGLISH;
	}

	/**
	 * One plain address (RFC 822 syntax, no name, no line breaks): what reaches the To
	 * header can never carry another header.
	 */
	static String checkedAddress(String to) {
		if (to == null || to.isBlank() || to.length() > 320 || to.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("Not an e-mail address");
		}
		try {
			InternetAddress address = new InternetAddress(to.strip(), true);
			address.validate();
			if (address.getPersonal() != null || address.isGroup()) {
				throw new IllegalArgumentException("Not a plain e-mail address");
			}
			return address.getAddress();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("Not an e-mail address", ex);
		}
	}

}
