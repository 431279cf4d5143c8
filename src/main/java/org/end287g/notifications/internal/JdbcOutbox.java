package org.end287g.notifications.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders the message at once (so a template error fails the causing action, not the
 * worker) and stores it encrypted in the caller's transaction.
 */
@Component
class JdbcOutbox implements Outbox {

	static final String RECIPIENT = "mail_outbox.recipient";

	static final String SUBJECT = "mail_outbox.subject";

	static final String BODY = "mail_outbox.body";

	private final JdbcClient jdbc;

	private final MailTemplates templates;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final Clock clock = Clock.systemUTC();

	JdbcOutbox(JdbcClient jdbc, MailTemplates templates, PersonalDataCipher cipher, BlindIndex index) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.cipher = cipher;
		this.index = index;
	}

	@Override
	@Transactional
	public void enqueue(Mail mail) {
		Locale locale = "es".equals(mail.language().getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
		String subject = this.templates.subject(mail.template(), mail.model(), locale);
		String body = this.templates.body(mail.template(), mail.model(), locale);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.jdbc.sql("""
				INSERT INTO mail_outbox (message_id, recipient_index, recipient_sealed, language, template, category,
					subject_sealed, body_sealed, status, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params("<" + UUID.randomUUID() + "@end287g>", this.index.ofEmail(mail.to()),
					this.cipher.seal(mail.to(), RECIPIENT), locale.getLanguage(), mail.template(), mail.category(),
					this.cipher.seal(subject, SUBJECT), this.cipher.seal(body, BODY), now, now)
			.update();
	}

}
