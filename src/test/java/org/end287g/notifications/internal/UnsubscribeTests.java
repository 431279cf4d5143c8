package org.end287g.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.SignedLinks;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One-click unsubscribe (RFC 8058) and its page, in English and Spanish. */
@SpringBootTest
@AutoConfigureMockMvc
class UnsubscribeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SignedLinks links;

	@Autowired
	BlindIndex index;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	String email;

	String token;

	@BeforeEach
	void person() {
		this.email = OutboxSmtpTests.unique("reader");
		this.token = this.links.sign("unsubscribe", this.index.ofEmail(this.email) + "|campaign-updates",
				Duration.ofDays(365));
	}

	@Test
	void theLinkOpensAPageWithAButtonAndChangesNothing() throws Exception {
		String page = this.mvc.perform(get("/unsubscribe/" + this.token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Do you want to stop receiving e-mails of this kind")))
			.andExpect(content().string(containsString("<form method=\"post\" action=\"/unsubscribe/" + this.token)))
			.andExpect(content().string(containsString("<button type=\"submit\">Unsubscribe</button>")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(suppressions()).isZero();
		this.mvc.perform(get("/unsubscribe/" + this.token).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("¿Quiere dejar de recibir correos de este tipo")))
			.andExpect(content().string(containsString("Cancelar la suscripción</button>")));
	}

	@Test
	void oneClickPostsWithOrWithoutTheBodyUnsubscribeOnceAndAgainIsHarmless() throws Exception {
		this.mvc
			.perform(post("/unsubscribe/" + this.token).contentType("application/x-www-form-urlencoded")
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You will no longer receive e-mails of this kind")))
			.andExpect(content().string(not(containsString("<form"))));
		assertThat(suppressions()).isEqualTo(1);
		this.mvc.perform(post("/unsubscribe/" + this.token)).andExpect(status().isOk());
		this.mvc.perform(post("/unsubscribe/" + this.token).header("Accept-Language", "es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ya no recibirá correos de este tipo")));
		assertThat(suppressions()).isEqualTo(1);

		String other = this.links.sign("unsubscribe", this.index.ofEmail(this.email) + "|news", Duration.ofDays(1));
		this.mvc.perform(post("/unsubscribe/" + other)).andExpect(status().isOk());
		assertThat(suppressions()).isEqualTo(2);
	}

	@Test
	void forgedExpiredAndMalformedTokensGetATranslatedNotFound() throws Exception {
		String payload = this.index.ofEmail(this.email) + "|campaign-updates";
		List<String> bad = List.of(this.token.substring(0, this.token.length() - 2) + "xx",
				this.links.sign("unsubscribe", payload, Duration.ofSeconds(-1)),
				this.links.sign("my-data", payload, Duration.ofDays(1)),
				this.links.sign("unsubscribe", "no-category", Duration.ofDays(1)), "x".repeat(10_000), "a.b.c",
				"<script>alert(1)", "' OR '1'='1");
		for (String token : bad) {
			String page = this.mvc.perform(get("/unsubscribe/{token}", token))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("This unsubscribe link is not valid")))
				.andExpect(content().string(not(containsString("<script>"))))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(AccessibleHtml.problems(page)).isEmpty();
			this.mvc.perform(post("/unsubscribe/{token}", token).header("Accept-Language", "es"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Este enlace para cancelar la suscripción no es válido")));
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_suppressions WHERE recipient_index = ?")
			.param(this.index.ofEmail(this.email))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void afterUnsubscribingMailOfThatCategoryIsDroppedQueuedOrNew() throws Exception {
		enqueue("campaign-updates");
		assertThat(queued("campaign-updates")).isEqualTo(1);
		this.mvc.perform(post("/unsubscribe/" + this.token)).andExpect(status().isOk());
		assertThat(queued("campaign-updates")).isZero();
		enqueue("campaign-updates");
		enqueue(" Campaign-Updates".strip().toLowerCase(Locale.ROOT));
		enqueue("news");
		enqueue(null);
		assertThat(queued("campaign-updates")).isZero();
		assertThat(queued("news")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_index = ? AND category IS NULL")
			.param(this.index.ofEmail(this.email))
			.query(Integer.class)
			.single()).isEqualTo(1);
		// the same address written differently is the same person
		this.transactions
			.executeWithoutResult((s) -> this.outbox.enqueue(new Mail(" " + this.email.toUpperCase(Locale.ROOT),
					Locale.ENGLISH, "test-notice", OutboxSmtpTests.model("A", "B"), "campaign-updates")));
		assertThat(queued("campaign-updates")).isZero();
	}

	private void enqueue(String category) {
		this.transactions.executeWithoutResult((s) -> this.outbox
			.enqueue(new Mail(this.email, Locale.ENGLISH, "test-notice", OutboxSmtpTests.model("A", "B"), category)));
	}

	private int queued(String category) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient_index = ? AND category = ?")
			.params(this.index.ofEmail(this.email), category)
			.query(Integer.class)
			.single();
	}

	private int suppressions() {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_suppressions WHERE recipient_index = ?")
			.param(this.index.ofEmail(this.email))
			.query(Integer.class)
			.single();
	}

}
