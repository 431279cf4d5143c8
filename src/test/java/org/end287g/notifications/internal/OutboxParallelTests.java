package org.end287g.notifications.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.end287g.TestClock;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox sending over several SMTP connections at once (GreenMail on a free port), on
 * one instance and on two sharing the database: each message arrives exactly once, urgent
 * mail goes first, and a server that stops in the middle loses nothing. Runs on the
 * configured database (H2 by default; PostgreSQL with SPRING_DATASOURCE_URL). The clock
 * stands still, so no lease runs out behind a test's back.
 */
// The context's own scheduled poll waits an hour: the tests poll themselves, and a poll
// still sending the previous test's messages would count in the next test's mailbox.
@SpringBootTest(
		properties = { "end287g.mail.batch-size=5", "end287g.mail.connections=4", "end287g.mail.poll-interval=1h",
				"end287g.mail.from=end287g test <sender@end287g.test>", "end287g.site.base-url=https://end287g.test/" })
@Import(OutboxParallelTests.Clocks.class)
class OutboxParallelTests {

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
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MailSettings settings;

	@Autowired
	ObjectProvider<JavaMailSender> senders;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	MailLinks mailLinks;

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
	void oneInstanceSendsABacklogOverFourConnectionsEachMessageExactlyOnce() throws Exception {
		List<String> ids = queue("parallel", 300);
		assertThat(this.worker.poll()).isEqualTo(300);
		assertThat(this.worker.poll()).isZero();
		assertThat(received(ids)).hasSize(300).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(count("SENT")).isEqualTo(300);
		assertThat(count("SENDING") + count("PENDING")).isZero();
	}

	@Test
	void twoInstancesOnOneDatabaseSendEachMessageExactlyOnce() throws Exception {
		List<String> ids = queue("two", 400);
		OutboxWorker other = new OutboxWorker(this.jdbc, this.dataSource, this.settings, this.senders, this.cipher,
				this.mailLinks, Optional.of(this.clock));
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> handled = instances
				.invokeAll(List.<Callable<Integer>>of(() -> drain(this.worker), () -> drain(other)));
			assertThat(handled.get(0).get() + handled.get(1).get()).isEqualTo(400);
		}
		finally {
			instances.shutdown();
		}
		assertThat(received(ids)).hasSize(400).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(count("SENT")).isEqualTo(400);
	}

	@Test
	void messagesQueuedTogetherAreStoredAndSentEachAsIfQueuedAlone() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<Mail> mails = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			mails.add(Mail.transactional("together" + i + "@" + tag + ".example.org",
					(i % 2 == 0) ? Locale.ENGLISH : Locale.forLanguageTag("es"), "test-notice", model("together" + i)));
		}
		mails.add(Mail.transactional("code@" + tag + ".example.org", Locale.ENGLISH, "my-data-code",
				Map.of("code", "12345678", "purpose", "EXPORT", "minutes", 15)));
		this.transactions.executeWithoutResult((status) -> this.outbox.enqueueAll(mails));
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT message_id) FROM mail_outbox").query(Integer.class).single())
			.isEqualTo(13);
		assertThat(this.jdbc.sql("SELECT language FROM mail_outbox WHERE priority = 1 ORDER BY id")
			.query(String.class)
			.list()).hasSize(12).containsOnly("en", "es");

		assertThat(drain(this.worker)).isEqualTo(13);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(13);
		List<String> recipients = new ArrayList<>();
		for (MimeMessage message : received) {
			recipients.add(recipient(message));
		}
		assertThat(recipients).doesNotHaveDuplicates()
			.contains("code@" + tag + ".example.org", "together0@" + tag + ".example.org");
		assertThat(count("SENT")).isEqualTo(13);
	}

	@Test
	void messagesQueuedTogetherInATransactionThatRollsBackAreNotStored() {
		List<Mail> mails = List.of(
				Mail.transactional("kept@rollback.example.org", Locale.ENGLISH, "test-notice", model("kept")),
				Mail.transactional("not an address", Locale.ENGLISH, "test-notice", model("bad")));
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> this.outbox.enqueueAll(mails)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(count("PENDING")).isZero();
	}

	@Test
	void aReminderQueuedBeforeASignInCodeIsSentAfterIt() throws Exception {
		String reminder = unique("reminder");
		commit(new Mail(reminder, Locale.ENGLISH, "test-notice", model("Reminder"), "campaign-updates"));
		commit(Mail.transactional(unique("other"), Locale.ENGLISH, "test-notice", model("Notice")));
		String code = unique("code");
		commit(Mail.transactional(code, Locale.ENGLISH, "my-data-code",
				Map.of("code", "12345678", "purpose", "EXPORT", "minutes", 15)));
		assertThat(this.jdbc.sql("SELECT priority FROM mail_outbox ORDER BY id").query(Integer.class).list())
			.containsExactly(1, 1, 0);

		assertThat(this.worker.poll()).isEqualTo(3);
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(3);
		assertThat(recipient(received[0])).isEqualTo(code);
		assertThat(recipient(received[1])).isEqualTo(reminder);
	}

	@Test
	void aServerStoppingInTheMiddleOfBatchesLosesNothingAndSendsOnceWhenBack() throws Exception {
		List<String> ids = queue("stopped", 200);
		GreenMail first = smtp;
		// what the stopped server received stays readable through its managers
		Managers received = first.getManagers();
		ExecutorService stopper = Executors.newSingleThreadExecutor();
		Future<?> stopped = stopper.submit((Callable<Void>) () -> {
			while (first.getReceivedMessages().length < 40) {
				Thread.sleep(1);
			}
			first.stop();
			return null;
		});
		try {
			this.worker.poll();
			stopped.get(60, TimeUnit.SECONDS);
		}
		finally {
			stopper.shutdownNow();
		}
		List<String> before = new ArrayList<>();
		for (StoredMessage message : received.getImapHostManager().getAllMessages()) {
			before.add(message.getMimeMessage().getMessageID());
		}
		assertThat(before).hasSizeGreaterThanOrEqualTo(40).hasSizeLessThan(200);
		// nothing stays claimed; what failed waits for its next attempt, tried once
		assertThat(count("SENDING")).isZero();
		assertThat(count("SENT")).isGreaterThanOrEqualTo(40 - this.settings.connections());
		assertThat(count("PENDING")).isPositive();
		assertThat(this.jdbc.sql("SELECT MAX(attempts) FROM mail_outbox WHERE status = 'PENDING'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.worker.poll()).as("the instance waits for the failed message's next attempt").isZero();

		smtp = TestSmtp.start(PORT);
		this.clock.advance(Duration.ofMinutes(1));
		drain(this.worker);
		assertThat(count("SENT")).isEqualTo(200);
		List<String> after = messageIds(smtp.getReceivedMessages());
		List<String> all = new ArrayList<>(before);
		all.addAll(after);
		assertThat(new HashSet<>(all)).containsExactlyInAnyOrderElementsOf(ids);
		// a message sent again is only one the server took as the connection broke,
		// before SENT was recorded: at most one in flight per connection, same Message-ID
		assertThat(all.size() - ids.size()).isLessThanOrEqualTo(this.settings.connections());
		assertThat(after).doesNotHaveDuplicates();
	}

	private List<String> queue(String who, int count) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < count; i++) {
			commit(Mail.transactional(who + i + "@" + tag + ".example.org", Locale.ENGLISH, "test-notice",
					model(who + i)));
		}
		return this.jdbc.sql("SELECT message_id FROM mail_outbox").query(String.class).list();
	}

	private void commit(Mail mail) {
		this.transactions.executeWithoutResult((status) -> this.outbox.enqueue(mail));
	}

	private int count(String status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = ?")
			.param(status)
			.query(Integer.class)
			.single();
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

	/**
	 * The Message-IDs the server received of these messages, each as often as it came: a
	 * message of an earlier test that the server took only after that test ended (the
	 * mid-batch failure leaves connections to finish) is not this test's.
	 */
	private static List<String> received(List<String> ids) throws MessagingException {
		return messageIds(smtp.getReceivedMessages()).stream().filter(ids::contains).toList();
	}

	private static List<String> messageIds(MimeMessage[] messages) throws MessagingException {
		List<String> ids = new ArrayList<>();
		for (MimeMessage message : messages) {
			ids.add(message.getMessageID());
		}
		return ids;
	}

	private static String recipient(MimeMessage message) throws MessagingException {
		return message.getRecipients(Message.RecipientType.TO)[0].toString();
	}

	private static Map<String, Object> model(String name) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", name);
		model.put("detail", "Parallel");
		model.put("subjectArgs", List.of(name));
		return model;
	}

	private static String unique(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
