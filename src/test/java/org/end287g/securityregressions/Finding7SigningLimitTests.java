package org.end287g.securityregressions;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.end287g.campaigns.TestCampaigns;
import org.end287g.privacy.RateLimitExceededException;
import org.end287g.privacy.RateLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 7 of the security review (issue 13): "The per-address signing limit overshoots
 * under concurrency: 71 signatures stored from one address under a 32-connection flood
 * against a limit of 60 (exactly 60 when sent one at a time). {@code x+tag@} addresses
 * count as new signers."
 * <p>
 * Replays {@code POST /campaigns/{slug}/sign} (the public signing form, with its CSRF
 * cookie and token) on a real server: 64 at once from one client address (given by
 * {@code X-Forwarded-For}, as behind the load balancer), each with a new e-mail address;
 * then plain and {@code +tag} addresses of the providers that ignore the tag.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class Finding7SigningLimitTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final long CAMPAIGN = 7_007;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Autowired
	RateLimits limits;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private long campaign;

	private String slug = "";

	private String cookie = "";

	private String token = "";

	@BeforeEach
	void campaignWithoutSignatures() throws Exception {
		this.campaign = TestCampaigns.id(this.jdbc, CAMPAIGN);
		this.slug = this.jdbc.sql("select slug from campaigns where id = ?")
			.param(this.campaign)
			.query(String.class)
			.single();
		this.jdbc.sql("delete from signatures where campaign_id = ?").param(this.campaign).update();
		csrf();
	}

	@Test
	void sixtyFourAtOnceFromOneAddressStoreExactlyTheLimitAndTheRestAreToldToWait() throws Exception {
		int limit = Objects
			.requireNonNull(this.environment.getProperty("end287g.campaigns.signatures-per-address", Integer.class));
		assertThat(limit).isLessThan(64);
		String address = newAddress();
		int n = 64;
		List<HttpResponse<String>> answers = atOnce(n,
				(i) -> sign("flood-" + i + "-" + UUID.randomUUID() + "@example.org", address,
						(i % 2 == 0) ? "en" : "es"));

		assertThat(storedSignatures()).isEqualTo(limit);
		Map<Integer, Long> statuses = answers.stream()
			.collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
		assertThat(statuses).containsOnlyKeys(303, 429)
			.containsEntry(303, (long) limit)
			.containsEntry(429, (long) (n - limit));
		for (int i = 0; i < n; i++) {
			HttpResponse<String> answer = answers.get(i);
			if (answer.statusCode() == 429) {
				assertThat(answer.headers().firstValue("Retry-After")).isPresent();
				assertThat(answer.body())
					.contains((i % 2 == 0) ? "<h1>Too many attempts</h1>" : "<h1>Demasiados intentos</h1>");
			}
		}
		// and one at a time afterwards: still refused
		assertThat(sign(UUID.randomUUID() + "@example.org", address, "en").statusCode()).isEqualTo(429);
		assertThat(storedSignatures()).isEqualTo(limit);
	}

	@Test
	void severalAddressesFloodingTogetherEachStoreExactlyTheLimit() throws Exception {
		// batches then hold several addresses each, in every combination
		int limit = Objects
			.requireNonNull(this.environment.getProperty("end287g.campaigns.signatures-per-address", Integer.class));
		List<String> addresses = List.of(newAddress(), newAddress(), newAddress(), newAddress());
		List<HttpResponse<String>> answers = atOnce(4 * 32,
				(i) -> sign("mixed-" + i + "-" + UUID.randomUUID() + "@example.org", addresses.get(i % 4), "en"));
		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(303, 429);
		assertThat(answers).filteredOn((answer) -> answer.statusCode() == 303).hasSize(4 * limit);
		assertThat(storedSignatures()).isEqualTo(4L * limit);
	}

	@Test
	void theOtherLimitsAreExactUnderTheSameFlood() throws Exception {
		// sign-in, my data, events, every form: the buckets of RateLimits ("test" allows
		// 3)
		String address = newAddress();
		List<Boolean> allowed = atOnce(64, (i) -> {
			try {
				this.limits.check("test", address, null);
				return true;
			}
			catch (RateLimitExceededException refused) {
				return false;
			}
		});
		assertThat(allowed).filteredOn((taken) -> taken).hasSize(3);
		String email = "bucket-" + UUID.randomUUID() + "@example.org";
		List<Boolean> byEmail = atOnce(64, (i) -> {
			try {
				this.limits.check("test", newAddress(), email);
				return true;
			}
			catch (RateLimitExceededException refused) {
				return false;
			}
		});
		assertThat(byEmail).filteredOn((taken) -> taken).hasSize(2);
	}

	@Test
	void plusTagsOfProvidersThatIgnoreThemAreTheSameSigner() throws Exception {
		String x = "x" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Map<String, String> same = new LinkedHashMap<>();
		same.put(x + "@gmail.com", x + "+tag@gmail.com");
		same.put("d." + x + "@gmail.com", "d." + x + "+z@googlemail.com");
		same.put(x + "@outlook.com", x + "+a@outlook.com");
		same.put(x + "@hotmail.com", x + "+petition@Hotmail.com");
		same.put(x + "@icloud.com", x + "+news@icloud.com");
		same.put(x + "@proton.me", x + "+sign@proton.me");
		same.put(x + "@fastmail.com", x + "+a@fastmail.com");
		long mails = confirmationMails();
		for (Map.Entry<String, String> person : same.entrySet()) {
			assertThat(sign(person.getKey(), newAddress(), "en").statusCode()).isEqualTo(303);
			HttpResponse<String> again = sign(person.getValue(), newAddress(), "en");
			// answered as any repeat is: the same "check your e-mail", nothing stored
			assertThat(again.statusCode()).as(person.getValue()).isEqualTo(303);
			assertThat(again.headers().firstValue("Location")).hasValue("/campaigns/" + this.slug + "/signed");
		}
		assertThat(storedSignatures()).isEqualTo(same.size());
		assertThat(confirmationMails() - mails).isEqualTo(same.size());

		// a provider whose rule we do not know: the tag may be another mailbox
		sign(x + "@example.org", newAddress(), "en");
		sign(x + "+tag@example.org", newAddress(), "en");
		assertThat(storedSignatures()).isEqualTo(same.size() + 2);
	}

	private long storedSignatures() {
		return this.jdbc.sql("select count(*) from signatures where campaign_id = ?")
			.param(this.campaign)
			.query(Long.class)
			.single();
	}

	private long confirmationMails() {
		return this.jdbc.sql("select count(*) from mail_outbox where template = 'signature-confirm'")
			.query(Long.class)
			.single();
	}

	/** A CSRF cookie and the form's token, as a browser on the campaign page has them. */
	private void csrf() throws Exception {
		HttpResponse<String> page = this.http.send(
				HttpRequest.newBuilder(uri("/campaigns/" + this.slug)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher form = CSRF.matcher(page.body());
		assertThat(form.find()).as("a CSRF token on the campaign page").isTrue();
		this.token = form.group(1);
		this.cookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("XSRF-TOKEN="))
			.map((header) -> header.substring(0, header.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

	private HttpResponse<String> sign(String email, String address, String language) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", this.token);
		form.put("firstName", "Ana");
		form.put("lastName", "García");
		form.put("email", email);
		form.put("zip", "28052");
		String body = form.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(uri("/campaigns/" + this.slug + "/sign"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", this.cookie)
			.header("X-Forwarded-For", address)
			.header("Accept", "text/html")
			.header("Accept-Language", language)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** A random address of the IPv6 documentation range, which no other test uses. */
	private static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":"
				+ Integer.toHexString(random.nextInt(0x10000)) + "::" + Integer.toHexString(random.nextInt(1, 0x10000));
	}

	interface Attempt<R> {

		R run(int i) throws Exception;

	}

	/** {@code n} attempts on {@code n} threads, released together. */
	private static <R> List<R> atOnce(int n, Attempt<R> attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch ready = new CountDownLatch(n);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<R>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					start.await();
					return attempt.run(index);
				}));
			}
			ready.await();
			start.countDown();
			List<R> results = new ArrayList<>();
			for (Future<R> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
