package org.end287g.osdi.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.end287g.Staff;
import org.end287g.problems.Problem;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks against a receiver on this machine: a signed payload exactly once, a receiver
 * that answers 500 or is slow tried again with backoff until it takes it or the attempts
 * run out (then staff see it), and addresses that are not https or point inside refused.
 */
class WebhookTests extends OsdiTestSupport {

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookOutbox outbox;

	@Autowired
	WebhookAddresses addresses;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	/** What the receiver answers: a status, after a delay. */
	final AtomicInteger answer = new AtomicInteger(200);

	volatile long delayMillis;

	record Received(String body, String signature, String delivery) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-End287g-Signature"),
					exchange.getRequestHeaders().getFirst("X-End287g-Delivery")));
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(this.answer.get(), -1);
			exchange.close();
		});
		this.receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	String hook() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
	}

	/** Makes every waiting delivery due now (instead of waiting out the backoff). */
	void dueNow() {
		this.jdbc.sql("update osdi_deliveries set due_at = ? where delivered_at is null and failed_at is null")
			.param(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.update();
	}

	@Test
	void aNewSharedSignatureIsPostedSignedExactlyOnce() {
		long ours = organization("Hooked");
		long other = organization("Other");
		signed("Old", "Firma", "old-" + System.nanoTime() + "@example.org", true, ours);
		String secret = this.webhooks.register(ours, URI.create(hook()), "test");
		assertThat(this.outbox.round()).as("what was shared before the webhook is read through the API").isZero();

		String email = "ana-" + System.nanoTime() + "@example.org";
		long shared = signed("Ana", "García", email, true, ours);
		signed("Luis", "Nadie", "luis-" + System.nanoTime() + "@example.org", true, other);
		signed("Sin", "Compartir", "sin-" + System.nanoTime() + "@example.org", true);
		this.jdbc.sql("update signatures set confirmed_at = ? where id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC), shared)
			.update();

		assertThat(this.outbox.round()).isEqualTo(1);
		assertThat(this.outbox.round()).as("exactly once").isZero();
		assertThat(this.received).hasSize(1);
		Received got = this.received.get(0);
		assertThat(got.body()).contains("\"osdi:signature\"", "\"given_name\":\"Ana\"", email,
				"end287g:signature-" + shared);
		assertThat(got.body()).doesNotContain("Luis", "Sin", "Old");
		String time = got.signature().substring(2, got.signature().indexOf(','));
		assertThat(got.signature())
			.isEqualTo("t=" + time + ",v1=" + WebhookSender.hmac(secret, time + "." + got.body()));
		assertThat(got.signature())
			.isNotEqualTo("t=" + time + ",v1=" + WebhookSender.hmac("wrong", time + "." + got.body()));
		assertThat(this.jdbc.sql("select record_id from osdi_deliveries where delivered_at is not null")
			.query(Long.class)
			.list()).containsExactly(shared);
	}

	@Test
	void aReceiverThatAnswers500OrIsSlowIsTriedAgainThenStaffSeeIt() throws Exception {
		long ours = organization("Flaky");
		this.webhooks.register(ours, URI.create(hook()), "test");
		this.jdbc.sql("update osdi_webhooks set created_at = ?, signatures_seen_until = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
			.update();
		long first = signed("Ana", "García", "ana-" + System.nanoTime() + "@example.org", true, ours);

		this.answer.set(500);
		assertThat(this.outbox.round()).isZero();
		assertThat(this.outbox.round()).as("not before its backoff").isZero();
		assertThat(this.received).hasSize(1);
		Delivery after500 = delivery(first);
		assertThat(after500.attempts()).isEqualTo(1);
		assertThat(after500.status()).isEqualTo("HTTP 500");
		assertThat(after500.dueAt()).isAfter(OffsetDateTime.now(ZoneOffset.UTC));

		dueNow();
		this.answer.set(200);
		assertThat(this.outbox.round()).isEqualTo(1);
		assertThat(this.received).hasSize(2);
		assertThat(this.received.get(0).delivery()).as("the same delivery id on each attempt, for the receiver")
			.isEqualTo(this.received.get(1).delivery());

		// slow: past the timeout, each attempt fails, until the attempts run out
		long second = signed("Rosa", "Lenta", "rosa-" + System.nanoTime() + "@example.org", true, ours);
		this.delayMillis = 2500;
		for (int attempt = 1; attempt <= 3; attempt++) {
			dueNow();
			assertThat(this.outbox.round()).isZero();
		}
		Delivery slow = delivery(second);
		assertThat(slow.status()).isEqualTo("timeout");
		assertThat(slow.attempts()).isEqualTo(3);
		assertThat(slow.failed()).isTrue();
		dueNow();
		assertThat(this.outbox.round()).as("no fourth attempt").isZero();

		String page = html(get("/admin/organizations/" + ours + "/api-keys").with(Staff.admin()));
		assertThat(page).contains("Deliveries that failed", "Signature " + second, "timeout");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		String home = html(get("/admin").with(Staff.admin()));
		assertThat(home).contains("Webhook deliveries that failed");

		// staff send it again; the receiver is quick now
		this.delayMillis = 0;
		long id = this.jdbc.sql("select id from osdi_deliveries where record_id = ?")
			.param(second)
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/admin/organizations/" + ours + "/deliveries/" + id + "/retry").with(Staff.admin())
				.with(csrf()))
			.andExpect(status().isFound());
		assertThat(this.outbox.round()).isEqualTo(1);
		assertThat(delivery(second).failed()).isFalse();
	}

	@Test
	void addressesThatAreNotHttpsOrPointInsideAreRefused() throws Exception {
		for (String[] refused : new String[][] { { "http://crm.example.org/hook", "osdi.webhook.error.https" },
				{ "https://10.1.2.3/hook", "osdi.webhook.error.private" },
				{ "https://192.168.0.10/hook", "osdi.webhook.error.private" },
				{ "https://127.0.0.1/hook", "osdi.webhook.error.private" },
				{ "https://169.254.169.254/latest/meta-data", "osdi.webhook.error.private" },
				{ "https://[::1]/hook", "osdi.webhook.error.private" },
				{ "https://[fd00::1]/hook", "osdi.webhook.error.private" },
				{ "ftp://example.org/x", "osdi.webhook.error.https" }, { "", "osdi.webhook.error.empty" },
				{ "not a url", "osdi.webhook.error.malformed" },
				{ "https://user:pass@example.org/", "osdi.webhook.error.malformed" },
				{ "https://example.org/" + "a".repeat(600), "osdi.webhook.error.long" } }) {
			assertThatThrownBy(() -> this.addresses.check(refused[0])).as(refused[0])
				.isInstanceOfSatisfying(Problem.class,
						(problem) -> assertThat(problem.getDetailMessageCode()).isEqualTo(refused[1]));
		}
		assertThat(this.addresses.check("https://93.184.215.14/hook").getHost()).isEqualTo("93.184.215.14");

		long ours = organization("Refused");
		String page = html(post("/admin/organizations/" + ours + "/webhook").with(Staff.admin())
			.with(csrf())
			.param("url", "https://10.0.0.7/hook"));
		assertThat(page).contains("private or local network", "aria-invalid=\"true\"");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		String spanish = html(post("/admin/organizations/" + ours + "/webhook?lang=es").with(Staff.admin())
			.with(csrf())
			.param("url", "http://crm.example.org/hook"));
		assertThat(spanish).contains("https://");
		assertThat(this.webhooks.of(ours)).isEmpty();
	}

	record Delivery(int attempts, String status, OffsetDateTime dueAt, boolean failed) {
	}

	Delivery delivery(long signature) {
		return this.jdbc.sql("select attempts, last_status, due_at, failed_at from osdi_deliveries where record_id = ?")
			.param(signature)
			.query((rs, n) -> new Delivery(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4) != null))
			.single();
	}

}
