package org.end287g.securityregressions;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.end287g.Staff;
import org.end287g.TestClock;
import org.end287g.accounts.SignedIn;
import org.end287g.notifications.TestSmtp;
import org.end287g.notifications.internal.OutboxDriver;
import org.end287g.privacy.BlindIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding 6 of the security review (issue 13): "A long SMTP outage loses mail silently:
 * after 8 attempts (~63 min) every queued message becomes FAILED, health stays UP, and
 * staff can only retry one at a time. After a crash, mails claimed by the dead instance
 * wait for the 10-minute lease."
 * <p>
 * Replays the requests that queue mail, {@code POST /admin/accounts} (an invitation) and
 * {@code POST /sign-in} (a sign-in link), while the mail server is down, refuses the
 * recipient, or hangs on an instance that then dies; then {@code GET /actuator/health}
 * and staff's {@code POST /admin/mail/retry-failed}. The mail server is {@link FlakySmtp}
 * in front of GreenMail; the outbox worker is driven by the test (it polls by itself only
 * at start-up) and time by a clock that stands still until the test moves it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Finding6OutboxOutageTests.Clocks.class)
class Finding6OutboxOutageTests {

	static final int GREENMAIL_PORT = TestSmtp.freePort();

	static final int PORT = TestSmtp.freePort();

	static GreenMail greenMail = TestSmtp.start(GREENMAIL_PORT);

	static FlakySmtp smtp = new FlakySmtp(PORT, GREENMAIL_PORT);

	@TestConfiguration
	static class Clocks {

		@Bean
		TestClock movableClock() {
			return new TestClock();
		}

	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	@Autowired
	TestClock clock;

	@BeforeEach
	void cleanSlate() throws Exception {
		smtp.relay();
		greenMail.purgeEmailFromAllMailboxes();
		this.jdbc.sql("DELETE FROM mail_outbox").update();
		// whatever pause an earlier test's outage left on the worker is over
		this.clock.advance(Duration.ofHours(1));
	}

	@AfterAll
	static void stop() {
		smtp.close();
		greenMail.stop();
	}

	@Test
	void anOutageLongerThanTheOldGiveUpWindowLosesNoMail() throws Exception {
		smtp.down();
		String email = invite();
		// two hours down: the old worker gave up after 8 attempts (about 63 minutes)
		for (int minute = 0; minute < 120; minute++) {
			OutboxDriver.pollOnce(this.context);
			this.clock.advance(Duration.ofMinutes(1));
		}
		Row waiting = row(email, "invitation");
		assertThat(waiting.status()).isEqualTo("PENDING");
		assertThat(waiting.attempts()).isGreaterThan(8);
		assertThat(waiting.lastError()).contains("ConnectException").doesNotContain("@");

		smtp.relay();
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(OutboxDriver.pollOnce(this.context)).isEqualTo(1);
		assertThat(received(email)).hasSize(1);
		assertThat(row(email, "invitation").status()).isEqualTo("SENT");
	}

	@Test
	void aSignInLinkStillUnsentAtItsDeadlineEndsExpiredVisiblyAndIsNeverSent() throws Exception {
		String email = invite();
		smtp.down();
		this.mvc.perform(post("/sign-in").with(SignedIn.from(SignedIn.newAddress())).with(csrf()).param("email", email))
			.andExpect(status().isOk());
		// the link works 15 minutes; the mail server stays down for 16
		for (int minute = 0; minute <= 16; minute++) {
			OutboxDriver.pollOnce(this.context);
			this.clock.advance(Duration.ofMinutes(1));
		}
		OutboxDriver.pollOnce(this.context);
		assertThat(row(email, "sign-in-link").status()).isEqualTo("EXPIRED");
		// the invitation is useful for days: still waiting
		assertThat(row(email, "invitation").status()).isEqualTo("PENDING");
		this.mvc.perform(get("/admin/mail").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Expired (past its deadline)")))
			.andExpect(content().string(containsString("One message expired")));

		smtp.relay();
		this.clock.advance(Duration.ofMinutes(15));
		OutboxDriver.sendAll(this.context);
		assertThat(received(email)).extracting(Finding6OutboxOutageTests::subject)
			.singleElement()
			.satisfies((subject) -> assertThat(subject).doesNotContainIgnoringCase("sign-in link"));
		assertThat(row(email, "sign-in-link").status()).isEqualTo("EXPIRED");
	}

	@Test
	void aRecipientRefusedFor550FailsAtOnceAfterOneAttemptWhileA451IsTriedAgain() throws Exception {
		smtp.refuseRecipients(550);
		String refused = invite();
		int before = smtp.recipientsRefused();
		assertThat(OutboxDriver.pollOnce(this.context)).isEqualTo(1);
		Row failed = row(refused, "invitation");
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).contains("SMTPAddressFailedException 550").doesNotContain("@");
		this.clock.advance(Duration.ofHours(1));
		OutboxDriver.pollOnce(this.context);
		assertThat(smtp.recipientsRefused() - before).isEqualTo(1);

		// greylisting: "try again later" is not a refusal
		smtp.refuseRecipients(451);
		String later = invite();
		OutboxDriver.pollOnce(this.context);
		Row deferred = row(later, "invitation");
		assertThat(deferred.status()).isEqualTo("PENDING");
		assertThat(deferred.lastError()).contains("451");
		smtp.relay();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(OutboxDriver.pollOnce(this.context)).isEqualTo(1);
		assertThat(received(later)).hasSize(1);
	}

	@Test
	void healthTurnsDegradedWithTheBacklogAndItsAgeButKeepsTheInstanceInTheLoadBalancer() throws Exception {
		smtp.down();
		invite();
		for (int minute = 0; minute < 20; minute++) {
			OutboxDriver.pollOnce(this.context);
			this.clock.advance(Duration.ofMinutes(1));
		}
		OutboxDriver.pollOnce(this.context);
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DEGRADED"));
		Map<String, Object> details = this.context.getBean("outboxHealthIndicator", HealthIndicator.class)
			.health()
			.getDetails();
		assertThat(details).containsEntry("backlog", 1L);
		assertThat((Long) details.get("oldestWaitingSeconds")).isGreaterThanOrEqualTo(20 * 60);

		smtp.relay();
		this.clock.advance(Duration.ofMinutes(15));
		OutboxDriver.pollOnce(this.context);
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void staffRetryAllFailedMailAtOnceAudited() throws Exception {
		// a relay that refuses every recipient (for example while it is misconfigured)
		smtp.refuseRecipients(550);
		String one = invite();
		String two = invite();
		OutboxDriver.pollOnce(this.context);
		assertThat(row(one, "invitation").status()).isEqualTo("FAILED");
		assertThat(row(two, "invitation").status()).isEqualTo("FAILED");
		smtp.relay();

		this.mvc.perform(get("/admin/mail").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Retry all 2 failed messages now")));
		this.mvc.perform(post("/admin/mail/retry-failed").with(Staff.admin())).andExpect(status().isForbidden());
		assertThat(row(one, "invitation").status()).isEqualTo("FAILED");
		this.mvc.perform(post("/admin/mail/retry-failed").with(Staff.admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/admin/mail?retriedAll=2"));
		this.mvc.perform(get("/admin/mail?retriedAll=2").with(Staff.admin()).locale(Locale.ENGLISH))
			.andExpect(content().string(containsString("2 failed messages are queued again")));
		assertThat(this.jdbc.sql("SELECT details FROM audit_log WHERE action = 'mail.retry-all' ORDER BY id DESC")
			.query(String.class)
			.list()).first().isEqualTo("messages=2");

		assertThat(OutboxDriver.pollOnce(this.context)).isEqualTo(2);
		assertThat(received(one)).hasSize(1);
		assertThat(received(two)).hasSize(1);
	}

	@Test
	void aDeadInstancesClaimIsTakenOverWithinAMinute() throws Exception {
		String email = invite();
		// an instance claims the message, connects, and dies there (its connection hangs)
		smtp.stallNextConnection();
		ExecutorService deadInstance = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> dead = deadInstance.submit(() -> OutboxDriver.pollOnce(this.context));
			await().atMost(Duration.ofSeconds(15)).until(() -> smtp.stalledConnections() == 1);
			assertThat(row(email, "invitation").status()).isEqualTo("SENDING");

			this.clock.advance(Duration.ofMinutes(1));
			assertThat(OutboxDriver.pollOnce(this.context)).isEqualTo(1);
			assertThat(received(email)).hasSize(1);
			assertThat(row(email, "invitation").status()).isEqualTo("SENT");

			// the dead instance's late failure changes nothing
			smtp.endStalledConnections();
			dead.get(60, TimeUnit.SECONDS);
			assertThat(row(email, "invitation").status()).isEqualTo("SENT");
			assertThat(received(email)).hasSize(1);
		}
		finally {
			smtp.endStalledConnections();
			deadInstance.shutdownNow();
		}
	}

	/** Invites a new account (staff's request), which queues its invitation mail. */
	private String invite() throws Exception {
		String email = SignedIn.newEmail();
		this.mvc
			.perform(post("/admin/accounts").with(Staff.admin())
				.with(csrf())
				.param("email", email)
				.param("name", "Ana")
				.param("language", "en")
				.param("role", "ADMIN"))
			.andExpect(status().is3xxRedirection());
		return email;
	}

	private Row row(String email, String template) {
		return this.jdbc.sql("""
				SELECT status, attempts, last_error FROM mail_outbox WHERE recipient_index = ? AND template = ?""")
			.params(this.index.ofEmail(email), template)
			.query((rs, n) -> new Row(rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")))
			.single();
	}

	private static List<MimeMessage> received(String email) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((to) -> to.toString().equalsIgnoreCase(email));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Row(String status, int attempts, String lastError) {

	}

}
