package org.end287g.notifications.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataHolder;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The embedded default: no SMTP server, so the worker keeps messages and staff read them
 * on /admin/mail. Also the person's mail data and the retention purge.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeptMailTests {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	MailRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	BlindIndex index;

	@Autowired
	MockMvc mvc;

	@Autowired
	List<PersonalDataHolder> holders;

	@BeforeEach
	void empty() {
		this.jdbc.sql("DELETE FROM mail_outbox").update();
		this.jdbc.sql("DELETE FROM mail_suppressions").update();
	}

	@Test
	void withoutAnSmtpServerMessagesAreKeptNotSent() {
		String to = OutboxSmtpTests.unique("kept");
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", OutboxSmtpTests.model("Kim", "Body")));
		assertThat(this.worker.sends()).isFalse();
		assertThat(this.worker.poll()).isEqualTo(1);
		assertThat(statusOf(to)).isEqualTo("KEPT");
		assertThat(this.worker.poll()).isZero();
	}

	@Test
	void staffOpenAKeptMessageAndFollowItsLinks() throws Exception {
		String to = OutboxSmtpTests.unique("read");
		commit(new Mail(to, Locale.ENGLISH, "test-notice",
				OutboxSmtpTests.model("<script>alert(1)</script>", "Visit https://example.org/x?a=1&b=2 now"),
				"campaign-updates"));
		this.worker.poll();
		long id = id(to);
		String list = this.mvc.perform(get("/admin/mail").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kept (not sent)")))
			.andExpect(content().string(containsString("href=\"/admin/mail/" + id + "\"")))
			.andExpect(content().string(not(containsString(to))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(AccessibleHtml.problems(list)).isEmpty();

		String page = this.mvc.perform(get("/admin/mail/" + id).with(Staff.admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(page).contains(to)
			.contains("Notice for &lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert")
			.contains("<a href=\"https://example.org/x?a=1&amp;b=2\">")
			.contains("<a href=\"http://localhost:8080/my-data/")
			.contains("<a href=\"http://localhost:8080/unsubscribe/");
	}

	@Test
	void theStaffPageSpeaksSpanishAndPages() throws Exception {
		for (int i = 0; i < AdminMailController.PAGE_SIZE + 1; i++) {
			commit(Mail.transactional(OutboxSmtpTests.unique("p" + i), Locale.ENGLISH, "test-notice",
					OutboxSmtpTests.model("P", "Q")));
		}
		String first = this.mvc.perform(get("/admin/mail").with(Staff.admin()).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Correo")))
			.andExpect(content().string(containsString("En espera")))
			.andExpect(content().string(containsString("Mensajes más antiguos")))
			.andExpect(content().string(not(containsString("Mensajes más recientes"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first.split("<tr>", -1)).hasSize(AdminMailController.PAGE_SIZE + 2);
		this.mvc.perform(get("/admin/mail?page=2").with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Newer messages")))
			.andExpect(content().string(not(containsString("Older messages"))));
		for (String page : List.of("abc", "-1", "0", "99999999999", "<script>", "'; DROP TABLE mail_outbox; --")) {
			this.mvc.perform(get("/admin/mail").param("page", page).with(Staff.admin()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Older messages")));
		}
	}

	@Test
	void onlyAdminsWithAPasskeySeeMail() throws Exception {
		for (String path : List.of("/admin/mail", "/admin/mail/1")) {
			this.mvc.perform(get(path))
				.andExpect(status().isFound())
				.andExpect(header().string("Location", endsWith("/sign-in")));
			this.mvc.perform(get(path).with(Staff.organizer())).andExpect(status().isForbidden());
			this.mvc.perform(get(path).with(Staff.adminWithoutPasskey())).andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/admin/mail/1/retry").with(Staff.organizer()).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/mail/1/retry").with(Staff.admin())).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/mail/retry-failed").with(Staff.organizer()).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/mail/retry-failed").with(Staff.adminWithoutPasskey()).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/mail/retry-failed").with(Staff.admin())).andExpect(status().isForbidden());
	}

	@Test
	void retryIsOnlyForFailedMessages() throws Exception {
		String to = OutboxSmtpTests.unique("retry");
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", OutboxSmtpTests.model("R", "S")));
		long id = id(to);
		this.mvc.perform(post("/admin/mail/" + id + "/retry").with(Staff.admin()).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Only a failed message can be retried.")));
		for (String missing : List.of("999999999", "abc", "1".repeat(10_000), "<script>")) {
			this.mvc.perform(post("/admin/mail/" + missing + "/retry").with(Staff.admin()).with(csrf()))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("No such message")));
		}
		this.jdbc.sql(
				"UPDATE mail_outbox SET status = 'FAILED', attempts = 8, last_error = 'MailSendException' WHERE id = ?")
			.param(id)
			.update();
		this.mvc.perform(post("/admin/mail/" + id + "/retry").with(Staff.admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/admin/mail?retried=1"));
		assertThat(statusOf(to)).isEqualTo("PENDING");
		this.mvc.perform(get("/admin/mail?retried=1").with(Staff.admin()))
			.andExpect(content().string(containsString("queued again")));
		this.mvc.perform(get("/admin/mail/" + "9".repeat(30)).with(Staff.admin())).andExpect(status().isNotFound());
	}

	@Test
	void aPersonSeesTheirMailAndForgettingDeletesItQueuedOrNot() {
		String to = OutboxSmtpTests.unique("me");
		String other = OutboxSmtpTests.unique("other");
		commit(Mail.transactional(to, Locale.forLanguageTag("es"), "test-notice", OutboxSmtpTests.model("Mía", "A")));
		this.worker.poll();
		commit(Mail.transactional(to, Locale.ENGLISH, "test-notice", OutboxSmtpTests.model("Mine", "B")));
		commit(Mail.transactional(other, Locale.ENGLISH, "test-notice", OutboxSmtpTests.model("Other", "C")));
		PersonalDataHolder mail = this.holders.stream()
			.filter((h) -> h.section().equals("mail"))
			.findFirst()
			.orElseThrow();

		Map<String, Object> data = mail.describe(this.index.ofEmail(to));
		assertThat(data).containsKey("messages");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> messages = (List<Map<String, Object>>) data.get("messages");
		assertThat(messages).extracting((m) -> m.get("subject"))
			.containsExactlyInAnyOrder("Aviso para Mía", "Notice for Mine");
		assertThat(messages).extracting((m) -> m.get("status")).containsExactlyInAnyOrder("KEPT", "PENDING");
		assertThat(mail.describe(this.index.ofEmail(OutboxSmtpTests.unique("nobody")))).isEmpty();

		mail.forget(this.index.ofEmail(to));
		assertThat(mail.describe(this.index.ofEmail(to))).isEmpty();
		assertThat(mail.describe(this.index.ofEmail(other))).isNotEmpty();
	}

	@Test
	void thePurgeDeletesOnlyFinishedMessagesOlderThanTheRetentionPeriod() {
		for (String state : List.of("SENT", "KEPT", "FAILED", "EXPIRED", "PENDING")) {
			String old = OutboxSmtpTests.unique("old");
			String recent = OutboxSmtpTests.unique("recent");
			commit(Mail.transactional(old, Locale.ENGLISH, "test-notice", OutboxSmtpTests.model("O", "O")));
			commit(Mail.transactional(recent, Locale.ENGLISH, "test-notice", OutboxSmtpTests.model("R", "R")));
			this.jdbc.sql("UPDATE mail_outbox SET status = ?, created_at = ? WHERE recipient_index = ?")
				.params(state, OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(31)), this.index.ofEmail(old))
				.update();
			this.jdbc.sql("UPDATE mail_outbox SET status = ?, created_at = ? WHERE recipient_index = ?")
				.params(state, OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(29)),
						this.index.ofEmail(recent))
				.update();
		}
		assertThat(this.retention.purge()).isEqualTo(4);
		assertThat(this.retention.purge()).isZero();
		assertThat(this.jdbc.sql("SELECT status FROM mail_outbox ORDER BY status").query(String.class).list())
			.containsExactly("EXPIRED", "FAILED", "KEPT", "PENDING", "PENDING", "SENT");
	}

	@Test
	void healthIsUpWithTheDatabaseAndTheWorker() throws Exception {
		this.worker.poll();
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	private void commit(Mail mail) {
		this.transactions.executeWithoutResult((s) -> this.outbox.enqueue(mail));
	}

	private String statusOf(String to) {
		return this.jdbc.sql("SELECT status FROM mail_outbox WHERE recipient_index = ?")
			.param(this.index.ofEmail(to))
			.query(String.class)
			.single();
	}

	private long id(String to) {
		return this.jdbc.sql("SELECT id FROM mail_outbox WHERE recipient_index = ?")
			.param(this.index.ofEmail(to))
			.query(Long.class)
			.single();
	}

}
