package org.end287g.securityregressions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.notifications.TestSmtp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local mailbox ({@code /mailbox}) lets the person trying the embedded default on
 * their own machine read the mail it keeps, sign-in links included, without an admin.
 * Configured as production is (an SMTP server, the site's public address), it must not
 * exist for anyone, this machine included: the requests a curious visitor, or a process
 * on the server, would send get the page of an unknown address, and the "check your
 * e-mail" pages offer no link. (PostgreSQL closes it too: LocalMailboxTests, and the
 * PostgreSQL pass of LocalMailboxServerTests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "end287g.site.base-url=https://end287g.example" })
class LocalMailboxClosedInProductionTests {

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		// nothing listens there: messages wait, as they would for a slow mail server
		registry.add("spring.mail.port", TestSmtp::freePort);
	}

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theKeptMailIsNotReadableEvenFromThisMachine() throws Exception {
		Map<String, Object> model = Map.of("name", "Kim", "detail", "https://end287g.example/sign-in/link?token=x",
				"subjectArgs", List.of("Kim"));
		this.transactions.executeWithoutResult((status) -> this.outbox
			.enqueue(Mail.transactional("secret-reader@example.org", Locale.ENGLISH, "test-notice", model)));
		long id = this.jdbc.sql("SELECT MAX(id) FROM mail_outbox").query(Long.class).single();
		for (String host : new String[] { "127.0.0.1", "localhost" }) {
			for (String path : new String[] { "/mailbox", "/mailbox/", "/mailbox/" + id, "/mailbox?page=1",
					"/mailbox/" + id + "?lang=es" }) {
				HttpResponse<String> answer = get(host, path);
				assertThat(answer.statusCode()).as(host + path).isEqualTo(404);
				assertThat(answer.body()).as(host + path).doesNotContain("secret-reader", "sign-in/link");
			}
		}
	}

	@Test
	void checkYourEmailPagesOfferNoMailbox() throws Exception {
		TestCampaigns.id(this.jdbc, 92);
		HttpResponse<String> signed = get("127.0.0.1", "/campaigns/nc-test-campaign-92/signed");
		assertThat(signed.statusCode()).isEqualTo(200);
		assertThat(signed.body()).doesNotContain("/mailbox");
	}

	private HttpResponse<String> get(String host, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
