package org.end287g.securityregressions;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
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
 * Finding 5 of the security review (issue 13): "Anyone can lock a leader or admin out of
 * sign-in and mail-bomb them: five requests for their address from five clients give the
 * real person a 429 (Retry-After 109 s), and the address receives a sign-in mail per
 * request (up to ~480 a day), with several valid tokens alive at once."
 * <p>
 * Replays it over real HTTP behind a proxy
 * ({@code server.forward-headers-strategy=native}, each client named by its own
 * {@code X-Forwarded-For} address): {@code POST /sign-in} for an admin's address from
 * many clients, then the real person's own request from a new client, and
 * {@code POST /login/ott} with the links the mails carry. Also checks that the limits per
 * client still stop one client flooding many addresses or guessing tokens, without
 * touching the real person.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class Finding5SignInFloodTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Environment environment;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	QueuedMail mail;

	@BeforeEach
	void mailbox() {
		this.mail = new QueuedMail(this.jdbc, this.cipher, this.index);
	}

	@Test
	void othersFloodingAnAddressNeitherLockThePersonOutNorFillTheirMailbox() throws Exception {
		String email = SignedIn.newEmail();
		String accountId = this.accounts.admin(email, "Admin of finding 5");
		// how many sign-in mails one address gets at most (before the cap: the 5 requests
		// per address of the sign-in limit)
		int cap = this.environment.getProperty("end287g.rate-limits.sign-in-mail.per-email", Integer.class, 5);

		String sentPage = null;
		for (int i = 0; i < cap + 10; i++) {
			HttpResponse<String> flood = new Client().askForLink(email);
			assertThat(flood.statusCode()).as("request %d of the flood", i + 1).isEqualTo(200);
			sentPage = flood.body();
		}
		List<QueuedMail.Message> mails = this.mail.to(email, "sign-in-link");
		assertThat(mails).as("sign-in mails to the address").hasSize(cap);
		assertThat(liveTokens(accountId)).isEqualTo(1);

		// The real person, from a new client: the same page as everyone, never a 429.
		Client person = new Client();
		HttpResponse<String> own = person.askForLink(email);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.headers().firstValue("Retry-After")).isEmpty();
		assertThat(withoutCsrf(own.body())).isEqualTo(withoutCsrf(sentPage)).contains("Check your e-mail");
		assertThat(this.mail.to(email, "sign-in-link")).as("no mail past the cap").hasSize(cap);
		assertThat(liveTokens(accountId)).isEqualTo(1);

		// Older links were replaced; the newest mail signs the person in.
		for (QueuedMail.Message older : mails.subList(0, mails.size() - 1)) {
			assertThat(person.useToken(older.token()).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/sign-in?link=invalid"));
		}
		assertThat(person.useToken(mails.get(mails.size() - 1).token()).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/account"));
		assertThat(liveTokens(accountId)).isZero();
	}

	@Test
	void guessingTokensFromOtherClientsDoesNotLockThePersonOut() throws Exception {
		String email = SignedIn.newEmail();
		this.accounts.admin(email, "Admin of finding 5");
		Client person = new Client();
		person.askForLink(email);
		String token = this.mail.last(email, "sign-in-link").token();

		int perClient = this.environment.getRequiredProperty("end287g.rate-limits.sign-in-attempt.per-address",
				Integer.class);
		for (int c = 0; c < 3; c++) {
			Client attacker = new Client();
			HttpResponse<String> last = null;
			for (int i = 0; i <= perClient; i++) {
				last = attacker.useToken(java.util.UUID.randomUUID().toString());
			}
			assertThat(last).isNotNull();
			assertThat(last.statusCode()).isEqualTo(429);
		}

		assertThat(new Client().useToken(token).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/account"));
	}

	@Test
	void oneClientAskingForManyAddressesIsStillStopped() throws Exception {
		int perClient = this.environment.getRequiredProperty("end287g.rate-limits.sign-in.per-address", Integer.class);
		Client flooder = new Client();
		for (int i = 0; i < perClient; i++) {
			assertThat(flooder.askForLink(SignedIn.newEmail()).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = flooder.askForLink(SignedIn.newEmail());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		// another client is not affected
		assertThat(new Client().askForLink(SignedIn.newEmail()).statusCode()).isEqualTo(200);
	}

	private int liveTokens(String accountId) {
		return (int) this.jdbc.sql("SELECT * FROM one_time_tokens").query((rs, row) -> {
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				values.add(rs.getString(i));
			}
			return values;
		}).list().stream().filter((row) -> row.contains(accountId)).count();
	}

	private static String withoutCsrf(@Nullable String page) {
		return CSRF.matcher(String.valueOf(page)).replaceAll("");
	}

	/**
	 * One browser behind the proxy: its own address (forwarded, from the documentation
	 * range 2001:db8::/32, random so no other run shares its buckets) and CSRF cookie.
	 */
	private final class Client {

		private final String address = "2001:db8:" + HexFormat.of().formatHex(randomBytes(2)) + "::"
				+ HexFormat.of().formatHex(randomBytes(2));

		private final Map<String, String> cookies = new LinkedHashMap<>();

		private @Nullable String csrf;

		HttpResponse<String> askForLink(String email) throws Exception {
			return post("/sign-in", Map.of("email", email));
		}

		HttpResponse<String> useToken(String token) throws Exception {
			return post("/login/ott", Map.of("token", token));
		}

		private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
			if (this.csrf == null) {
				HttpResponse<String> page = send(request("/sign-in").GET());
				Matcher token = CSRF.matcher(page.body());
				assertThat(token.find()).as("a CSRF token in the sign-in form").isTrue();
				this.csrf = token.group(1);
			}
			Map<String, String> fields = new LinkedHashMap<>(form);
			fields.put("_csrf", this.csrf);
			String body = fields.entrySet()
				.stream()
				.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder builder = HttpRequest
				.newBuilder(URI.create("http://localhost:" + Finding5SignInFloodTests.this.port + path))
				.header("X-Forwarded-For", this.address);
			if (!this.cookies.isEmpty()) {
				builder.header("Cookie",
						this.cookies.entrySet()
							.stream()
							.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
							.collect(Collectors.joining("; ")));
			}
			return builder;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			HttpResponse<String> response = Finding5SignInFloodTests.this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int equals = pair.indexOf('=');
				if (equals > 0) {
					this.cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
				}
			}
			return response;
		}

	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
