package org.end287g.campaigns.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.end287g.Staff;
import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.notifications.TestSmtp;
import org.end287g.notifications.internal.OutboxDriver;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A won campaign tells, through a real SMTP server, every supporter who signed it and
 * asked for campaign updates, in their language; and the supporters' holds end.
 */
class WonMailTests extends StaffTestSupport {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Autowired
	Supporters supporters;

	@Autowired
	ApplicationContext context;

	long supporter(String email, String language) {
		long id = this.supporters
			.register(new SupporterDetails(email, "S", null, null, Locale.forLanguageTag(language)));
		return id;
	}

	@Test
	void aWinIsMailedToOptedInSignersInTheirLanguageAndHoldsEnd() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		// a clean outbox, as the outbox's own SMTP tests keep it: the worker's start-up
		// poll must not still be busy with other tests' messages when ours are queued
		// (on H2 the delete may time out on a row that poll is claiming: try again)
		Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			this.jdbc.sql("delete from mail_outbox").update();
			return true;
		});
		OutboxDriver.pollOnce(this.context);
		long id = gaston().id();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String english = "en-" + tag + "@example.org";
		String spanish = "es-" + tag + "@example.org";
		String optedOut = "out-" + tag + "@example.org";
		String unconfirmed = "unc-" + tag + "@example.org";
		String invalid = "inv-" + tag + "@example.org";
		Sig en = sig().email(english);
		en.supporter = supporter(english, "en");
		en.updates = true;
		signature(id, en);
		Sig es = sig().email(spanish);
		es.supporter = supporter(spanish, "es");
		es.updates = true;
		es.language = "es";
		signature(id, es);
		Sig out = sig().email(optedOut);
		out.supporter = supporter(optedOut, "en");
		signature(id, out);
		Sig unc = sig().email(unconfirmed).unconfirmed();
		unc.supporter = supporter(unconfirmed, "en");
		unc.updates = true;
		signature(id, unc);
		Sig inv = sig().email(invalid);
		inv.supporter = supporter(invalid, "en");
		inv.updates = true;
		long invalidId = signature(id, inv);
		this.jdbc.sql("update signatures set invalidated_at = created_at where id = ?").param(invalidId).update();
		for (long s : new long[] { en.supporter, es.supporter, out.supporter }) {
			this.supporters.hold(s, "campaign:" + id);
		}

		this.mvc
			.perform(post("/admin/campaigns/" + GASTON + "/close").with(Staff.admin())
				.with(csrf())
				.param("outcome", "WON")
				.param("note", "The county commission voted to end it."))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from supporter_holds where holder = ? and ended_at is null")
			.param("campaign:" + id)
			.query(Long.class)
			.single()).isZero();

		// the context's own start-up poll may hold a message for a moment: send until
		// none
		// waits
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			OutboxDriver.pollOnce(this.context);
			assertThat(
					this.jdbc.sql("select count(*) from mail_outbox where status <> 'SENT'").query(Long.class).single())
				.isZero();
		});
		Map<String, MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> recipient(m).contains(tag))
			.collect(Collectors.toMap(WonMailTests::recipient, (m) -> m, (a, b) -> a));
		assertThat(received).containsOnlyKeys(english, spanish);
		assertThat(received.get(english).getSubject())
			.isEqualTo("Victory: Gaston County Sheriff's Office ended its 287(g) agreements");
		String body = GreenMailUtil.getBody(received.get(english));
		assertThat(body).contains("The county commission voted to end it.", "/campaigns/" + GASTON, "/unsubscribe/");
		assertThat(received.get(spanish).getSubject()).startsWith("Victoria: Gaston County");
		assertThat(GreenMailUtil.getBody(received.get(spanish))).contains("Gracias por su firma");
		assertThat(Instant.now()).isNotNull();
	}

	static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
