package org.end287g.notifications.internal;

import java.util.Locale;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataLinkRequested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy module's "send me a link to my data" becomes a mail in the person's
 * language.
 */
@SpringBootTest
class PersonalDataLinkMailTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	@Autowired
	OutboxMessages messages;

	@Test
	void theLinkIsMailedInEnglishOrSpanishWithTheRequestsTransaction() {
		String to = OutboxSmtpTests.unique("mydata");
		String link = "http://localhost:8080/my-data/abc.123.def";
		this.transactions.executeWithoutResult(
				(s) -> this.events.publishEvent(new PersonalDataLinkRequested(to, Locale.forLanguageTag("es"), link)));
		OutboxMessages.Full mail = this.messages.full(id(to)).orElseThrow();
		assertThat(mail.subject()).isEqualTo("Su enlace a los datos que end287g tiene sobre usted");
		String body = String.join("", mail.body().stream().map(OutboxMessages.Segment::text).toList());
		assertThat(body).contains("Aquí tiene su enlace", link, "Si no tenemos datos suyos, la página se lo dirá.",
				"alguien pidió en end287g un enlace");
		assertThat(mail.summary().category()).isNull();

		String english = OutboxSmtpTests.unique("mydata");
		this.events.publishEvent(new PersonalDataLinkRequested(english, Locale.ENGLISH, link));
		OutboxMessages.Full englishMail = this.messages.full(id(english)).orElseThrow();
		assertThat(englishMail.subject()).isEqualTo("Your link to the data end287g holds about you");

		// a rolled-back request mails nothing
		String rolledBack = OutboxSmtpTests.unique("mydata");
		this.transactions.executeWithoutResult((s) -> {
			this.events.publishEvent(new PersonalDataLinkRequested(rolledBack, Locale.ENGLISH, link));
			s.setRollbackOnly();
		});
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_index = ?")
			.param(this.index.ofEmail(rolledBack))
			.query(Integer.class)
			.single()).isZero();
	}

	private long id(String to) {
		return this.jdbc.sql("SELECT id FROM mail_outbox WHERE recipient_index = ?")
			.param(this.index.ofEmail(to))
			.query(Long.class)
			.single();
	}

}
