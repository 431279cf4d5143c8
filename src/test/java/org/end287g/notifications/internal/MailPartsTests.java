package org.end287g.notifications.internal;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The outbox's small rules, without Spring. */
class MailPartsTests {

	@Test
	void backoffDoublesFromTheBaseUpToTheCap() {
		MailSettings settings = new MailSettings("a <a@localhost>", Duration.ofSeconds(1), 20, Duration.ofMinutes(10),
				Duration.ofSeconds(30), Duration.ofHours(1), 8, Duration.ofDays(30), Duration.ofHours(1));
		assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(120));
		assertThat(settings.backoff(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(settings.backoff(8)).isEqualTo(Duration.ofHours(1));
		assertThat(settings.backoff(1_000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void errorsKeepTypesNeverMessagesThatMayQuoteAnAddress() {
		MessagingException refused = new MessagingException("550 5.1.1 <ana@example.org>: user unknown");
		refused.setNextException(new ConnectException("ana@example.org refused"));
		MailSendException failure = new MailSendException("Failed messages: ana@example.org",
				new IllegalStateException("ana@example.org"), Map.of(new Object(), refused));
		String described = OutboxWorker.describe(failure);
		assertThat(described).contains("MailSendException", "MessagingException", "ConnectException",
				"IllegalStateException");
		assertThat(described).doesNotContain("ana", "@", "550");
	}

	@Test
	void addressesArePlainAndSingle() {
		assertThat(JdbcOutbox.checkedAddress(" ana@example.org ")).isEqualTo("ana@example.org");
		for (String bad : new String[] { null, "", " ", "ana", "ana@example.org\nBcc: b@example.org",
				"Ana <ana@example.org>", "a@example.org, b@example.org", "group: a@example.org;" }) {
			assertThatIllegalArgumentException().as(String.valueOf(bad))
				.isThrownBy(() -> JdbcOutbox.checkedAddress(bad));
		}
	}

	@Test
	void bodiesSplitIntoTextAndLinks() {
		assertThat(OutboxMessages.segments("See https://a.example/x?y=1 and http://b.example.\nEnd"))
			.extracting(OutboxMessages.Segment::text)
			.containsExactly("See ", "https://a.example/x?y=1", " and ", "http://b.example.", "\nEnd");
		assertThat(OutboxMessages.segments("javascript:alert(1) <a href=x>"))
			.containsExactly(new OutboxMessages.Segment("javascript:alert(1) <a href=x>", false));
	}

}
