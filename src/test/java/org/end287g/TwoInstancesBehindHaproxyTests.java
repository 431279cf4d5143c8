package org.end287g;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.TestSmtp;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances of the application on one database (the test run's: PostgreSQL when
 * SPRING_DATASOURCE_URL points there, else the shared in-memory H2) behind Debian's
 * HAProxy, round robin without stickiness, so consecutive requests of one browser reach
 * both instances. Both instances run their outbox worker every 250 ms against one SMTP
 * server. Through HAProxy's port a visitor finds a campaign, a signer signs and confirms
 * from the mail, asks to lead, a staff member approves with a passkey and the new leader
 * arrives on the dashboard from the approval mail; a registrant of an event gets its
 * reminder, though both instances' reminder jobs run every second; every mail arrives
 * exactly once; the sign-in rate limit holds across both instances. Outside CI a missing
 * haproxy or chromedriver skips the test with a message; under CI=true it fails.
 */
class TwoInstancesBehindHaproxyTests {

	static final File HAPROXY = new File("/usr/sbin/haproxy");

	static final Pattern LINK = Pattern.compile("https?://localhost:\\d+/\\S+");

	/** Requests of one address to POST /sign-in in the instances' shared window. */
	static final int SIGN_IN_LIMIT = 6;

	static final String SERVED_BY = "X-Served-By";

	static GreenMail smtp;

	static Path haproxyDir;

	static Process haproxy;

	static int port;

	static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	Chromium person;

	Chromium staff;

	@BeforeAll
	static void start() throws Exception {
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(HAPROXY.canExecute(),
					"Two-instance test skipped: /usr/sbin/haproxy is missing (apt-get install haproxy)");
			assumeTrue(new File("/usr/bin/chromedriver").canExecute(),
					"Two-instance test skipped: /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)");
		}
		int smtpPort = TestSmtp.freePort();
		smtp = TestSmtp.start(smtpPort);
		port = TestSmtp.freePort();
		instances.add(instance(smtpPort));
		instances.add(instance(smtpPort));
		startHaproxy();
		JdbcClient jdbc = instances.get(0).getBean(JdbcClient.class);
		TestCampaigns.clear(jdbc);
		new TrackerFixture(jdbc).load("COMMAND");
		instances.get(0).getBean(Campaigns.class).createMissing();
	}

	/**
	 * One instance on a free port, with the site's address and passkey origin at
	 * HAProxy's port, the outbox worker polling often (from the start, as in production).
	 */
	static ConfigurableApplicationContext instance(int smtpPort) {
		return new SpringApplicationBuilder(End287gApplication.class).main(End287gApplication.class)
			.run("--server.port=0", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
					"--end287g.site.base-url=http://localhost:" + port,
					"--end287g.webauthn.allowed-origins=http://localhost:" + port, "--end287g.mail.poll-interval=250ms",
					"--end287g.mail.poll-initial-delay=0s", "--end287g.events.reminder-interval=1s",
					"--end287g.rate-limits.sign-in.per-address=" + SIGN_IN_LIMIT,
					"--spring.datasource.hikari.maximum-pool-size=4");
	}

	static int portOf(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	/**
	 * HAProxy in the foreground with a generated configuration: round robin, no
	 * stickiness, a health check on /actuator/health, and the name of the instance that
	 * answered in a response header; returns when both instances are up.
	 */
	static void startHaproxy() throws Exception {
		haproxyDir = Files.createTempDirectory("end287g-haproxy");
		Path config = haproxyDir.resolve("haproxy.cfg");
		Files.writeString(config, """
				global
				    maxconn 512
				defaults
				    mode http
				    option forwardfor
				    timeout connect 5s
				    timeout client 60s
				    timeout server 60s
				frontend site
				    bind 127.0.0.1:%d
				    default_backend instances
				backend instances
				    balance roundrobin
				    option httpchk GET /actuator/health
				    http-check expect status 200
				    http-response set-header %s %%[srv_name]
				    server one 127.0.0.1:%d check inter 500ms
				    server two 127.0.0.1:%d check inter 500ms
				""".formatted(port, SERVED_BY, portOf(instances.get(0)), portOf(instances.get(1))));
		haproxy = new ProcessBuilder(HAPROXY.getPath(), "-db", "-f", config.toString()).redirectErrorStream(true)
			.redirectOutput(haproxyDir.resolve("haproxy.log").toFile())
			.start();
		HttpClient http = HttpClient.newHttpClient();
		Set<String> served = new HashSet<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (served.size() < 2 && System.nanoTime() < deadline) {
			assertThat(haproxy.isAlive()).as("haproxy: %s", log()).isTrue();
			try {
				HttpResponse<Void> health = http.send(
						HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					health.headers().firstValue(SERVED_BY).ifPresent(served::add);
				}
			}
			catch (IOException notYet) {
				// HAProxy still starting
			}
			Thread.sleep(100);
		}
		assertThat(served).as("instances answering through haproxy (%s)", log())
			.containsExactlyInAnyOrder("one", "two");
	}

	static String log() {
		try {
			return Files.readString(haproxyDir.resolve("haproxy.log"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	@AfterAll
	static void stop() {
		if (haproxy != null) {
			haproxy.destroy();
		}
		instances.forEach(ConfigurableApplicationContext::close);
		instances.clear();
		if (smtp != null) {
			smtp.stop();
		}
		if (haproxyDir != null) {
			FileSystemUtils.deleteRecursively(haproxyDir.toFile());
		}
	}

	@BeforeEach
	void browsers() throws Exception {
		this.person = Chromium.start("--window-size=1366,900");
		this.staff = Chromium.start("--window-size=1366,900");
	}

	@AfterEach
	void closeBrowsers() {
		for (Chromium browser : new Chromium[] { this.person, this.staff }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@Test
	void aVisitorFindsTheCampaignFromTheHomePage() {
		WebDriver browser = this.person.driver();
		browser.get(url("/"));
		browser.findElement(By.id("q")).sendKeys("Gastonia NC");
		follow(this.person, By.cssSelector("form.search button[type=submit]"));
		follow(this.person, By.cssSelector("main a[href='/agencies/" + TrackerFixture.GASTON + "']"));
		assertThat(h1(browser)).contains("Gaston County Sheriff");
		follow(this.person, By.cssSelector(".agency-campaign a[href$='/campaigns/nc-gaston-county-sheriffs-office']"));
		assertThat(h1(browser)).contains("Gaston County Sheriff");
		assertThat(browser.getCurrentUrl()).isEqualTo(url("/campaigns/nc-gaston-county-sheriffs-office"));
	}

	@Test
	void aSignerConfirmsFromTheMailAndBecomesTheLeader() {
		WebDriver browser = this.person.driver();
		String email = "signer-" + System.nanoTime() + "@example.org";

		// Sign: each page and form post may reach either instance.
		browser.get(url("/campaigns/nc-gaston-county-sheriffs-office"));
		browser.findElement(By.id("sig-first")).sendKeys("Ana");
		browser.findElement(By.id("sig-last")).sendKeys("García");
		browser.findElement(By.id("sig-email")).sendKeys(email);
		browser.findElement(By.id("sig-zip")).sendKeys("28052");
		follow(this.person, By.cssSelector("form.signature-form button[type=submit]"));
		assertThat(h1(browser)).startsWith("Check your e-mail");

		// Confirm from the mail, which both instances' workers raced to send.
		browser.get(link(onlyMail(email, "/confirm?token="), "/confirm?token="));
		follow(this.person, By.cssSelector("main form button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("1 of 200 signatures");

		// Lead: the ask, the form, the mailed confirmation.
		follow(this.person, By.cssSelector("main a[href$='/campaigns/nc-gaston-county-sheriffs-office/lead']"));
		browser.findElement(By.id("name")).sendKeys("Ana García");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("zip")).sendKeys("28052");
		browser.findElement(By.id("commitment")).click();
		follow(this.person, By.cssSelector("form.leader-form button[type=submit]"));
		browser.get(link(onlyMail(email, "/lead/confirm"), "/lead/confirm"));
		follow(this.person, By.cssSelector(".leader-confirm button[type=submit]"));

		// Staff approve with a passkey: its challenge lives in the shared session store.
		approveAsStaff("Ana García");

		// The approval mail signs the new leader in on the dashboard.
		browser.get(link(onlyMail(email, "/sign-in/link"), "/sign-in/link"));
		follow(this.person, By.cssSelector(".sign-in-link button[type=submit]"));
		assertThat(browser.getCurrentUrl()).contains("/leader/campaigns/");

		// Once more after several polls of both workers: still one of each.
		sleep(Duration.ofSeconds(2));
		assertThat(mails(email, "/confirm?token=")).hasSize(1);
		assertThat(mails(email, "/lead/confirm")).hasSize(1);
		assertThat(mails(email, "/sign-in/link")).hasSize(1);
		JdbcClient jdbc = instances.get(0).getBean(JdbcClient.class);
		assertThat(jdbc
			.sql("select count(*) from signatures s join campaigns c on c.id = s.campaign_id"
					+ " where c.slug = 'nc-gaston-county-sheriffs-office' and s.confirmed_at is not null")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRegistrantGetsOneReminderFromTwoInstances() {
		// An online event in 90 minutes: a registration now is past the day's reminder
		// and before the hour's.
		String slug = "two-instances-" + System.nanoTime();
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(90);
		instances.get(0)
			.getBean(JdbcClient.class)
			.sql("""
					insert into events (slug, title_en, description_en, kind, starts_at, ends_at, time_zone, capacity,
					online_url, status, created_by, created_at, updated_at, published_at)
					values (?, 'Ending 287(g) together', 'How 287(g) works and how to end it.', 'ONLINE', ?, ?,
					'America/New_York', 100, 'https://meet.example.org/end287g', 'PUBLISHED', 'test', ?, ?, ?)""")
			.params(slug, start, start.plusHours(1), start.minusDays(1), start.minusDays(1), start.minusDays(1))
			.update();
		WebDriver browser = this.person.driver();
		String email = "registrant-" + System.nanoTime() + "@example.org";
		browser.get(url("/events/" + slug));
		browser.findElement(By.id("name")).sendKeys("Ana García");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("zip")).sendKeys("28052");
		follow(this.person, By.xpath("//form[.//input[@id='email']]//button[@type='submit']"));
		assertThat(browser.getCurrentUrl()).endsWith("/events/" + slug + "/registered");

		// Brought forward by an hour: the hour's reminder is due at once, and both
		// instances' reminder jobs, every second, race to claim it.
		instances.get(1)
			.getBean(JdbcClient.class)
			.sql("update events set starts_at = ?, ends_at = ? where slug = ?")
			.params(start.minusHours(1), start, slug)
			.update();

		// The registration's mail and the reminder: two mails, each sent once.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (mails(email, "").size() < 2 && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(200));
		}
		sleep(Duration.ofSeconds(3));
		assertThat(mails(email, "")).hasSize(2);
		assertThat(instances.get(0)
			.getBean(JdbcClient.class)
			.sql("select count(*) from event_registrations r join events e on e.id = r.event_id"
					+ " where e.slug = ? and r.reminded_hour_at is not null")
			.param(slug)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSignInRateLimitHoldsAcrossBothInstances() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/sign-in"))).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(token.find()).as(page.body()).isTrue();
		String cookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith("XSRF-TOKEN="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		// One client address of its own (HAProxy appends the loopback address, which
		// Tomcat trusts as a proxy), so no other test's requests share the bucket.
		String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
		List<Integer> statuses = new ArrayList<>();
		Map<String, Integer> served = new TreeMap<>();
		for (int i = 0; i <= SIGN_IN_LIMIT; i++) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url("/sign-in")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", cookie)
				.header("X-Forwarded-For", address)
				.POST(HttpRequest.BodyPublishers
					.ofString("email=limit-" + i + "-" + System.nanoTime() + "%40example.org&_csrf=" + token.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			statuses.add(answer.statusCode());
			served.merge(answer.headers().firstValue(SERVED_BY).orElse("?"), 1, Integer::sum);
		}
		assertThat(statuses.subList(0, SIGN_IN_LIMIT)).as("statuses %s", statuses).containsOnly(200);
		assertThat(statuses.get(SIGN_IN_LIMIT)).as("statuses %s", statuses).isEqualTo(429);
		assertThat(served.keySet()).as("instances that answered").containsExactly("one", "two");
		assertThat(served.values()).allSatisfy((n) -> assertThat(n).isGreaterThanOrEqualTo(SIGN_IN_LIMIT / 2));
	}

	private void approveAsStaff(String name) {
		WebDriver browser = this.staff.driver();
		String email = "staff-" + System.nanoTime() + "@example.org";
		instances.get(1).getBean(TestAccounts.class).admin(email, "Rosa Staff");
		((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
		browser.get(url("/sign-in?lang=en"));
		browser.findElement(By.id("email")).sendKeys(email);
		follow(this.staff, By.cssSelector("form.accounts-form button[type=submit]"));
		browser.get(link(onlyMail(email, "/sign-in/link"), "/sign-in/link"));
		follow(this.staff, By.cssSelector(".sign-in-link button[type=submit]"));
		browser.get(url("/account/passkeys"));
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("label")));
		browser.findElement(By.id("label")).sendKeys("Phone");
		browser.findElement(By.cssSelector("form[data-passkey-register] button[type=submit]")).click();
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".form-notice")));
		browser.manage().deleteAllCookies();
		browser.get(url("/sign-in"));
		wait(browser)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-passkey-sign-in] button")));
		browser.findElement(By.cssSelector("[data-passkey-sign-in] button")).click();
		wait(browser).until(ExpectedConditions.urlToBe(url("/admin")));
		follow(this.staff, By.cssSelector(".staff-waiting a[href='/admin/leaders']"));
		follow(this.staff, By.xpath("//button[normalize-space()='Approve " + name + "']"));
	}

	/**
	 * The one mail to the address that contains the text, waiting (up to 20 s) for the
	 * instances' workers to send it.
	 */
	private static MimeMessage onlyMail(String email, String part) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		List<MimeMessage> found = mails(email, part);
		while (found.isEmpty() && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(100));
			found = mails(email, part);
		}
		assertThat(found).as("mails to %s with %s", email, part).hasSize(1);
		return found.get(0);
	}

	private static List<MimeMessage> mails(String email, String part) {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter((message) -> to(message, email) && text(message).contains(part))
			.toList();
	}

	private static boolean to(MimeMessage message, String email) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((to) -> to.toString().equalsIgnoreCase(email));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static String link(MimeMessage message, String part) {
		Matcher links = LINK.matcher(text(message));
		while (links.find()) {
			if (links.group().contains(part)) {
				return links.group();
			}
		}
		throw new AssertionError("No link with " + part + " in " + text(message));
	}

	private static String text(MimeMessage message) {
		try {
			return text(message.getContent());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object content) throws MessagingException, IOException {
		if (content instanceof jakarta.mail.Multipart parts) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < parts.getCount(); i++) {
				text.append(text(parts.getBodyPart(i).getContent())).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

	private static void follow(Chromium browser, By target) {
		browser.clickAndWaitForNextPage(browser.driver().findElement(target));
	}

	private static String h1(WebDriver browser) {
		return browser.findElement(By.tagName("h1")).getText();
	}

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String url(String path) {
		return "http://localhost:" + port + path;
	}

}
