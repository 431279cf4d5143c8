package org.end287g.notifications.internal;

import org.end287g.privacy.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealed columns of the outbox, for {@code reseal}. */
@Configuration(proxyBeanMethods = false)
class OutboxColumns {

	@Bean
	SealedColumn outboxRecipient() {
		return new SealedColumn("mail_outbox", "id", "recipient_sealed", JdbcOutbox.RECIPIENT);
	}

	@Bean
	SealedColumn outboxSubject() {
		return new SealedColumn("mail_outbox", "id", "subject_sealed", JdbcOutbox.SUBJECT);
	}

	@Bean
	SealedColumn outboxAttachment() {
		return new SealedColumn("mail_outbox", "id", "attachment_sealed", JdbcOutbox.ATTACHMENT);
	}

	@Bean
	SealedColumn outboxBody() {
		return new SealedColumn("mail_outbox", "id", "body_sealed", JdbcOutbox.BODY);
	}

}
