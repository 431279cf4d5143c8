package org.end287g.notifications.internal;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The outbox's small rules, without Spring. */
class MailPartsTests {

	@Test
	void backoffDoublesFromTheBaseUpToTheCapWithoutEverGivingUp() {
		MailSettings settings = settings(Duration.ofSeconds(45));
		assertThat(settings.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.backoff(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(settings.backoff(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(settings.backoff(5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(settings.backoff(1_000)).isEqualTo(Duration.ofMinutes(15));
		assertThat(settings.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aLeaseLongerThanAMinuteIsRefused() {
		assertThat(settings(Duration.ofMinutes(1)).lease()).isEqualTo(Duration.ofMinutes(1));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ofMinutes(10)))
			.withMessageContaining("lease");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ofSeconds(1)));
	}

	@Test
	void aRecipientOrMessageRefusedWith5xxFailsForGoodAndAnythingElseIsRetried() throws Exception {
		InternetAddress ana = new InternetAddress("ana@example.org");
		// what Angus throws when RCPT TO is refused: the addresses, the reply chained
		SendFailedException unknown = new SendFailedException("Invalid Addresses",
				new SMTPAddressFailedException(ana, "RCPT TO:<ana@example.org>", 550, "550 5.1.1 unknown"), null, null,
				new Address[] { ana });
		assertThat(SendFailure.of(unknown)).isEqualTo(SendFailure.PERMANENT);
		assertThat(SendFailure.of(new MailSendException("wrapped", unknown))).isEqualTo(SendFailure.PERMANENT);
		assertThat(SendFailure.of(new MailSendException(Map.of(new Object(), unknown))))
			.isEqualTo(SendFailure.PERMANENT);
		assertThat(SendFailure
			.of(new SMTPSendFailedException(".", 554, "554 5.7.1 rejected", null, null, new Address[] { ana }, null)))
			.isEqualTo(SendFailure.PERMANENT);

		SendFailedException greylisted = new SendFailedException("Invalid Addresses",
				new SMTPAddressFailedException(ana, "RCPT TO:<ana@example.org>", 451, "451 4.7.1 later"), null,
				new Address[] { ana }, null);
		assertThat(SendFailure.of(greylisted)).isEqualTo(SendFailure.RETRY_MESSAGE);
		assertThat(SendFailure.of(new SMTPAddressFailedException(ana, "RCPT TO:<ana@example.org>", 552, "552 full")))
			.isEqualTo(SendFailure.RETRY_MESSAGE);
		assertThat(SendFailure.of(new IllegalStateException("no key to open it"))).isEqualTo(SendFailure.RETRY_MESSAGE);

		// the server as a whole: down, slow, refusing the session or our sender
		MessagingException refused = new MessagingException("Could not connect", new ConnectException("refused"));
		assertThat(SendFailure.of(refused)).isEqualTo(SendFailure.RETRY_SERVER);
		assertThat(
				SendFailure.of(new MailSendException("timeout",
						new MessagingException("Exception reading response",
								new java.net.SocketTimeoutException("Read timed out")))))
			.isEqualTo(SendFailure.RETRY_SERVER);
		assertThat(SendFailure.of(new AuthenticationFailedException("535 5.7.8 bad credentials")))
			.isEqualTo(SendFailure.RETRY_SERVER);
		assertThat(SendFailure.of(new SMTPSendFailedException("MAIL FROM:<no-reply@localhost>", 550,
				"550 sender rejected", null, null, new Address[] { ana }, null)))
			.isEqualTo(SendFailure.RETRY_SERVER);
		assertThat(SendFailure.of(new SendFailedException("Invalid Addresses",
				new SMTPAddressFailedException(ana, "RCPT TO:<ana@example.org>", 421, "421 closing"), null,
				new Address[] { ana }, null)))
			.isEqualTo(SendFailure.RETRY_SERVER);

		assertThat(OutboxWorker.describe(unknown)).isEqualTo("SendFailedException < SMTPAddressFailedException 550");
	}

	private static MailSettings settings(Duration lease) {
		return new MailSettings("a <a@localhost>", Duration.ofSeconds(1), Duration.ZERO, 20, 8, lease,
				Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofDays(3), Duration.ofMinutes(15),
				Duration.ofDays(30), Duration.ofHours(1));
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
