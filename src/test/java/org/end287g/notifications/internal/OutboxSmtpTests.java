package org.end287g.notifications.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.end287g.Staff;
import org.end287g.TestClock;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SignedLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox against a real SMTP server (GreenMail) on a free port. The worker is driven
 * by the tests (it polls by itself only at start-up here) and time by a clock that stands
 * still until a test moves it, so no test depends on timing.
 */
@SpringBootTest(properties = { "end287g.mail.batch-size=7", "end287g.mail.from=end287g test <sender@end287g.test>",
		"end287g.site.base-url=https://end287g.test/" })
@AutoConfigureMockMvc
@Import(OutboxSmtpTests.Clocks.class)
class OutboxSmtpTests {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	@TestConfiguration
	static class Clocks {

		@Bean
		TestClock testClock() {
			return new TestClock();
		}

	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	BlindIndex index;

	@Autowired
	SignedLinks links;

	@Autowired
	MockMvc mvc;

	@Autowired
	MailSettings settings;

	@Autowired
	ObjectProvider<JavaMailSender> senders;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	MailLinks mailLinks;

	@Autowired
	javax.sql.DataSource dataSource;

	@BeforeEach
	void cleanSlate() throws Exception {
		if (!smtp.isRunning()) {
			smtp = TestSmtp.start(PORT);
		}
		smtp.purgeEmailFromAllMailboxes();
		this.jdbc.sql("DELETE FROM mail_outbox").update();
		this.jdbc.sql("DELETE FROM mail_suppressions").update();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void aCommittedMessageArrivesOnceInEnglishWithItsMessageIdAndFooter() throws Exception {
		String to = unique("ana");
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("Ana", "Line one")));
		assertThat(this.worker.poll()).isEqualTo(1);
		assertThat(this.worker.poll()).isZero();

		List<MimeMessage> received = receivedBy(to);
		assertThat(received).hasSize(1);
		MimeMessage message = received.get(0);
		assertThat(message.getSubject()).isEqualTo("Notice for Ana");
		assertThat(message.getFrom()[0].toString()).isEqualTo("end287g test <sender@end287g.test>");
		assertThat(message.getMessageID()).isEqualTo(row(to).messageId());
		assertThat(message.getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("Hello Ana,", "This is a test notice.", "Line one",
				"because someone asked for it on end287g", "See, download or delete", "(link valid for 7 days)");
		assertThat(this.links.verify("my-data-link", link(body, "https://end287g.test/my-data/")))
			.contains(this.index.ofEmail(to));
		assertThat(body).doesNotContain("/unsubscribe/");
		assertThat(message.getHeader("List-Unsubscribe")).isNull();
		assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
		Row row = row(to);
		assertThat(row.status()).isEqualTo("SENT");
		assertThat(row.attempts()).isEqualTo(1);
	}

	@Test
	void aSpanishRecipientGetsSpanishSubjectBodyAndFooterInUtf8() throws Exception {
		String to = unique("jose");
		commit(Mail.transactional(to, Locale.forLanguageTag("es-MX"), "test-notice", model("José Núñez", "Línea")));
		this.worker.poll();
		MimeMessage message = receivedBy(to).get(0);
		assertThat(message.getSubject()).isEqualTo("Aviso para José Núñez");
		String body = (String) message.getContent();
		assertThat(body).contains("Hola, José Núñez:", "Este es un aviso de prueba.", "Línea",
				"Recibió este correo porque alguien lo pidió", "Vea, descargue o borre");
		assertThat(row(to).language()).isEqualTo("es");
	}

	@Test
	void categoryMailCarriesOneClickUnsubscribeHeadersAndLink() throws Exception {
		String to = unique("news");
		commit(new Mail(to, Locale.ENGLISH, "test-notice", model("Reader", "News"), "campaign-updates"));
		this.worker.poll();
		MimeMessage message = receivedBy(to).get(0);
		String header = message.getHeader("List-Unsubscribe")[0];
		assertThat(header).startsWith("<https://end287g.test/unsubscribe/").endsWith(">");
		assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String token = header.substring("<https://end287g.test/unsubscribe/".length(), header.length() - 1);
		assertThat(this.links.verify("unsubscribe", token)).contains(this.index.ofEmail(to) + "|campaign-updates");
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("signed up for these updates", "Stop receiving e-mails of this kind");
		assertThat(this.links.verify("unsubscribe", link(body, "https://end287g.test/unsubscribe/")))
			.contains(this.index.ofEmail(to) + "|campaign-updates");

		// the one-click post a mail program makes, without a CSRF token
		this.mvc
			.perform(post("/unsubscribe/" + token).contentType("application/x-www-form-urlencoded")
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		commit(new Mail(to, Locale.ENGLISH, "test-notice", model("Reader", "More news"), "campaign-updates"));
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("Reader", "Sign-in")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_index = ? AND category IS NULL")
			.param(this.index.ofEmail(to))
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.worker.poll();
		assertThat(receivedBy(to)).hasSize(2)
			.allSatisfy((m) -> assertThat(GreenMailUtil.getBody(m)).doesNotContain("More news"));
	}

	@Test
	void aRolledBackTransactionStoresAndSendsNothing() throws Exception {
		String to = unique("rollback");
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.enqueue(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("X", "Y")));
			status.setRollbackOnly();
		});
		assertThat(count(to)).isZero();
		this.worker.poll();
		assertThat(receivedBy(to)).isEmpty();
	}

	@Test
	void whenTheServerIsDownTheWorkerRetriesWithBackoffThenDeliversExactlyOnce() throws Exception {
		String to = unique("retry");
		smtp.stop();
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("Retry", "Body")));
		assertThat(this.worker.poll()).isEqualTo(1);
		Row first = row(to);
		assertThat(first.status()).isEqualTo("PENDING");
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(Duration.between(this.clock.instant(), first.nextAttemptAt())).isEqualTo(Duration.ofMinutes(1));
		assertThat(first.lastError()).contains("ConnectException").doesNotContain(to).doesNotContain("@");

		// not due yet: nothing happens
		assertThat(this.worker.poll()).isZero();
		assertThat(row(to).attempts()).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(1));
		this.worker.poll();
		Row second = row(to);
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(Duration.between(this.clock.instant(), second.nextAttemptAt())).isEqualTo(Duration.ofMinutes(2));

		smtp = TestSmtp.start(PORT);
		this.clock.advance(Duration.ofSeconds(119));
		assertThat(this.worker.poll()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.worker.poll()).isEqualTo(1);
		this.clock.advance(Duration.ofHours(2));
		this.worker.poll();
		assertThat(receivedBy(to)).hasSize(1);
		Row sent = row(to);
		assertThat(sent.status()).isEqualTo("SENT");
		assertThat(sent.attempts()).isEqualTo(3);
		assertThat(sent.lastError()).isNull();
	}

	@Test
	void aDownServerIsProbedWithOneMessageNotHammeredWithEach() throws Exception {
		smtp.stop();
		List<String> recipients = List.of(unique("probe-a"), unique("probe-b"), unique("probe-c"));
		for (String to : recipients) {
			commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("P", "Body")));
		}
		// the first message finds the server down; the others wait, untried, for the next
		// probe
		assertThat(this.worker.poll()).isEqualTo(1);
		assertThat(recipients.stream().mapToInt((to) -> row(to).attempts()).sum()).isEqualTo(1);
		assertThat(recipients).allSatisfy((to) -> assertThat(row(to).status()).isEqualTo("PENDING"));
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.worker.poll()).isZero();

		smtp = TestSmtp.start(PORT);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.worker.poll()).isEqualTo(3);
		assertThat(recipients).allSatisfy((to) -> {
			assertThat(receivedBy(to)).hasSize(1);
			assertThat(row(to).status()).isEqualTo("SENT");
		});
	}

	@Test
	void staffRetryAFailedMessageOnceAuditedButNotOnePastItsDeadline() throws Exception {
		String to = unique("fail");
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("Fail", "Body")));
		// the server refused it for good (a 550 for the recipient)
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'FAILED', attempts = 1,
					last_error = 'SendFailedException < SMTPAddressFailedException 550' WHERE recipient_index = ?""")
			.param(this.index.ofEmail(to))
			.update();
		Row failed = row(to);
		assertThat(this.worker.poll()).isZero();

		this.mvc.perform(get("/admin/mail").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Retry message " + failed.id() + " now")))
			.andExpect(content().string(containsString("One message failed")));
		this.mvc.perform(post("/admin/mail/" + failed.id() + "/retry").with(Staff.admin()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(row(to).status()).isEqualTo("PENDING");
		assertThat(this.jdbc.sql("SELECT subject FROM audit_log WHERE action = 'mail.retry' ORDER BY id DESC")
			.query(String.class)
			.list()).first().isEqualTo("mail:" + failed.id());
		assertThat(this.worker.poll()).isEqualTo(1);
		assertThat(receivedBy(to)).hasSize(1);
		assertThat(row(to).status()).isEqualTo("SENT");

		// three days later the message is no longer worth sending: not even staff send it
		String late = unique("late");
		commit(Mail.transactional(late, Locale.ENGLISH, "test-notice", model("Late", "Body")));
		this.jdbc.sql("UPDATE mail_outbox SET status = 'FAILED' WHERE recipient_index = ?")
			.param(this.index.ofEmail(late))
			.update();
		this.clock.advance(Duration.ofDays(3));
		long id = row(late).id();
		this.mvc.perform(get("/admin/mail").with(Staff.admin()))
			.andExpect(content().string(not(containsString("Retry message " + id + " now"))));
		this.mvc.perform(post("/admin/mail/" + id + "/retry").with(Staff.admin()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("past its deadline")));
		assertThat(row(late).status()).isEqualTo("FAILED");
	}

	@Test
	void aMessageStillWaitingAtItsDeadlineExpiresAndOneWithAShortDeadlineSooner() throws Exception {
		String link = unique("link");
		String notice = unique("notice");
		smtp.stop();
		commit(Mail.transactional(link, Locale.ENGLISH, "test-notice", model("L", "Link"))
			.usefulFor(Duration.ofMinutes(15)));
		commit(Mail.transactional(notice, Locale.ENGLISH, "test-notice", model("N", "Notice")));
		for (int minute = 0; minute <= 15; minute++) {
			this.worker.poll();
			this.clock.advance(Duration.ofMinutes(1));
		}
		this.worker.poll();
		assertThat(row(link).status()).isEqualTo("EXPIRED");
		assertThat(row(link).lastError()).contains("ConnectException");
		assertThat(row(notice).status()).isEqualTo("PENDING");
		this.clock.advance(Duration.ofDays(3));
		this.worker.poll();
		assertThat(row(notice).status()).isEqualTo("EXPIRED");

		smtp = TestSmtp.start(PORT);
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.worker.poll()).isZero();
		assertThat(receivedBy(link)).isEmpty();
		assertThat(receivedBy(notice)).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Mail.transactional(link, Locale.ENGLISH, "test-notice", model("L", "Link"))
				.usefulFor(Duration.ZERO));
	}

	@Test
	void aMessageClaimedByACrashedInstanceIsSentAfterItsLeaseExpires() throws Exception {
		String to = unique("crash");
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("Crash", "Body")));
		// an instance claimed it, then died before sending
		this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'SENDING', claim_token = 'dead', claimed_until = ?
				WHERE recipient_index = ?""")
			.params(java.time.OffsetDateTime.ofInstant(this.clock.instant().plus(this.settings.lease()),
					java.time.ZoneOffset.UTC), this.index.ofEmail(to))
			.update();
		assertThat(this.worker.poll()).isZero();
		this.clock.advance(this.settings.lease().plusSeconds(1));
		assertThat(this.worker.poll()).isEqualTo(1);
		assertThat(receivedBy(to)).hasSize(1);
	}

	@Test
	void twoWorkersRacingOver200MessagesDeliverEachExactlyOnce() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String to = "race" + i + "@" + tag + ".example.org";
			commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("R" + i, "Race")));
		}
		ids.addAll(this.jdbc.sql("SELECT message_id FROM mail_outbox").query(String.class).list());
		assertThat(ids).hasSize(200);
		OutboxWorker one = newWorker();
		OutboxWorker two = newWorker();
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			List<Future<Integer>> results = threads
				.invokeAll(List.<Callable<Integer>>of(() -> drain(one), () -> drain(two), () -> drain(this.worker)));
			int handled = 0;
			for (Future<Integer> result : results) {
				handled += result.get();
			}
			assertThat(handled).isEqualTo(200);
		}
		finally {
			threads.shutdown();
		}
		List<String> delivered = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().endsWith("@" + tag + ".example.org")) {
				delivered.add(message.getMessageID());
			}
		}
		assertThat(delivered).hasSize(200);
		assertThat(new HashSet<>(delivered)).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'").query(Integer.class).single())
			.isEqualTo(200);
	}

	@Test
	void hostileValuesCannotAddHeadersAndStayPlainText() throws Exception {
		String to = unique("hostile");
		Map<String, Object> model = new HashMap<>();
		model.put("name", "<script>alert(1)</script>");
		model.put("detail", "'; DROP TABLE mail_outbox; --\r\nBcc: victim@example.org");
		model.put("subjectArgs", List.of("Evil\r\nBcc: victim@example.org\r\nX-Injected: yes\n\nbody"));
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model));
		this.worker.poll();
		MimeMessage message = receivedBy(to).get(0);
		assertThat(message.getHeader("X-Injected")).isNull();
		assertThat(message.getHeader("Bcc")).isNull();
		assertThat(message.getAllRecipients()).hasSize(1);
		assertThat(message.getSubject()).isEqualTo("Notice for Evil Bcc: victim@example.org X-Injected: yes body");
		assertThat(GreenMailUtil.getBody(message)).contains("Hello <script>alert(1)</script>,",
				"'; DROP TABLE mail_outbox; --");
		assertThat(smtp.getReceivedMessages()).noneMatch((m) -> recipientsOf(m).contains("victim@example.org"));

		for (String bad : List.of("a@example.org\r\nBcc: victim@example.org", "Ana <a@example.org>",
				"a@example.org, b@example.org", "", "not an address", "x".repeat(10_000) + "@example.org")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> commit(Mail.transactional(bad, Locale.ENGLISH, "test-notice", model("X", "Y"))));
		}
		assertThatIllegalArgumentException().isThrownBy(
				() -> commit(Mail.transactional(unique("t"), Locale.ENGLISH, "../../application", model("X", "Y"))));
		assertThatIllegalArgumentException().isThrownBy(() -> commit(
				new Mail(unique("c"), Locale.ENGLISH, "test-notice", model("X", "Y"), "news\r\nBcc: x@example.org")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void tenThousandCharacterValuesAreDeliveredWithAShortenedOneLineSubject() throws Exception {
		String to = unique("huge");
		String huge = "ñ".repeat(10_000);
		Map<String, Object> model = model(huge, huge);
		model.put("subjectArgs", List.of(huge));
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model));
		this.worker.poll();
		MimeMessage message = receivedBy(to).get(0);
		assertThat(message.getSubject()).hasSize(MailTemplates.MAX_SUBJECT_CHARS).startsWith("Notice for ñññ");
		assertThat((String) message.getContent()).contains(huge);
	}

	@Test
	void inSmtpModeTheStaffPageShowsNoRecipientSubjectOrBody() throws Exception {
		String to = unique("private");
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", model("Secret Name", "Secret body")));
		this.worker.poll();
		long id = row(to).id();
		this.mvc.perform(get("/admin/mail").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("test-notice")))
			.andExpect(content().string(containsString("Sent")))
			.andExpect(content().string(containsString("Recipients and contents are not shown")))
			.andExpect(content().string(not(containsString(to))))
			.andExpect(content().string(not(containsString("Secret"))))
			.andExpect(content().string(not(containsString("/admin/mail/" + id))));
		this.mvc.perform(get("/admin/mail/" + id).with(Staff.admin()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Secret"))));
	}

	@Test
	void healthIsUpWhileTheWorkerPollsAndDownWhenItStopped() throws Exception {
		this.worker.poll();
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		// the worker polls every hour here; three hours without a completed poll is stale
		this.clock.advance(Duration.ofHours(3).plusSeconds(1));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.worker.poll();
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	private OutboxWorker newWorker() {
		return new OutboxWorker(this.jdbc, this.dataSource, this.settings, this.senders, this.cipher, this.mailLinks,
				java.util.Optional.of(this.clock));
	}

	private static int drain(OutboxWorker worker) {
		int handled = 0;
		int idle = 0;
		while (idle < 3) {
			int round = worker.poll();
			handled += round;
			idle = (round == 0) ? idle + 1 : 0;
		}
		return handled;
	}

	private void commit(Mail mail) {
		this.transactions.executeWithoutResult((status) -> this.outbox.enqueue(mail));
	}

	private int count(String to) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_index = ?")
			.param(this.index.ofEmail(to))
			.query(Integer.class)
			.single();
	}

	private Row row(String to) {
		return this.jdbc.sql("""
				SELECT id, message_id, status, attempts, next_attempt_at, last_error, language FROM mail_outbox
				WHERE recipient_index = ?""")
			.param(this.index.ofEmail(to))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("message_id"), rs.getString("status"),
					rs.getInt("attempts"), rs.getObject("next_attempt_at", java.time.OffsetDateTime.class).toInstant(),
					rs.getString("last_error"), rs.getString("language")))
			.single();
	}

	private static List<MimeMessage> receivedBy(String to) {
		return Arrays.stream(smtp.getReceivedMessages()).filter((m) -> recipientsOf(m).contains(to)).toList();
	}

	private static Set<String> recipientsOf(MimeMessage message) {
		try {
			Set<String> all = new HashSet<>();
			if (message.getAllRecipients() != null) {
				Arrays.stream(message.getAllRecipients()).forEach((a) -> all.add(a.toString()));
			}
			return all;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first link in the body that starts with the prefix: its token. */
	private static String link(String body, String prefix) {
		int start = body.indexOf(prefix);
		assertThat(start).as("link " + prefix).isNotNegative();
		int end = start + prefix.length();
		while (end < body.length() && !Character.isWhitespace(body.charAt(end))) {
			end++;
		}
		return body.substring(start + prefix.length(), end);
	}

	static Map<String, Object> model(String name, String detail) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", name);
		model.put("detail", detail);
		model.put("subjectArgs", List.of(name));
		return model;
	}

	static String unique(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	record Row(long id, String messageId, String status, int attempts, java.time.Instant nextAttemptAt,
			String lastError, String language) {

	}

}
