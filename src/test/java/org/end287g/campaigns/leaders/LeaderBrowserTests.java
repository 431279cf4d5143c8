package org.end287g.campaigns.leaders;

import java.time.Duration;

import org.end287g.Chromium;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Becoming a leader in Chromium, in Spanish: the form's errors, the request, and the
 * confirmation link from the e-mail with its button. Its own context (a fixed port) is
 * closed afterwards, so that its connections do not stay open for the whole suite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = "spring.datasource.hikari.maximum-pool-size=3")
@DirtiesContext
class LeaderBrowserTests {

	static final int PORT = TestSmtp.freePort();

	@DynamicPropertySource
	static void origin(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("end287g.site.base-url", () -> "http://localhost:" + PORT);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	Chromium chromium;

	WebDriver browser;

	@BeforeEach
	void start() throws Exception {
		this.chromium = Chromium.start();
		this.browser = this.chromium.driver();
	}

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	String h1() {
		return this.browser.findElement(By.tagName("h1")).getText();
	}

	void submit() {
		// the old page has an h1 too: wait until it is gone, not only for an h1
		this.chromium
			.clickAndWaitForNextPage(this.browser.findElement(By.cssSelector("form.leader-form button[type=submit]")));
	}

	@Test
	void aNeighborAsksToLeadAndConfirmsFromTheEmail() {
		long n = System.nanoTime() % 1_000_000_000L + 5_000_000_000L;
		TestCampaigns.id(this.jdbc, n);
		String slug = "nc-test-campaign-" + n;
		this.browser.get("http://localhost:" + PORT + "/campaigns/" + slug + "?lang=es");
		this.browser.findElement(By.linkText("Ser líder de esta campaña")).click();
		assertThat(h1()).isEqualTo("Sea líder de la campaña sobre Test Campaign " + n);

		submit();
		assertThat(this.browser.findElement(By.cssSelector(".form-problem")).getText())
			.isEqualTo("Revise los campos marcados abajo.");
		assertThat(this.browser.findElement(By.id("name-error")).getText()).isEqualTo("Escriba su nombre.");
		assertThat(this.browser.findElement(By.id("commitment-error")).getText())
			.startsWith("Marque la casilla para comprometerse");
		assertThat(this.browser.findElement(By.id("name")).getAttribute("aria-describedby")).contains("name-error");

		String email = SignedIn.newEmail();
		this.browser.findElement(By.id("name")).sendKeys("Marisol Peña");
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.id("zip")).sendKeys("00000");
		this.browser.findElement(By.id("commitment")).click();
		submit();
		assertThat(this.browser.findElement(By.id("zip-error")).getText())
			.isEqualTo("No conocemos este código postal. Revise los cinco dígitos.");
		// what was typed is kept
		assertThat(this.browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Marisol Peña");
		assertThat(this.browser.findElement(By.id("commitment")).isSelected()).isTrue();
		this.browser.findElement(By.id("zip")).clear();
		this.browser.findElement(By.id("zip")).sendKeys("28052");
		this.browser.findElement(By.id("why")).sendKeys("Por mis vecinos ✊🏽");
		submit();
		assertThat(h1()).isEqualTo("Revise su correo");

		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		String body = mail.last(email, "leader-confirm").body();
		int start = body.indexOf("http://localhost:" + PORT + "/campaigns/");
		String link = body.substring(start, body.indexOf('\n', start)).strip();
		this.browser.get(link);
		assertThat(h1()).isEqualTo("Confirme su solicitud");
		this.browser.findElement(By.cssSelector(".leader-confirm button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), "¡Gracias!"));
		assertThat(this.jdbc.sql("select status from leader_applications where email_index = ?")
			.param(this.index.ofEmail(email))
			.query(String.class)
			.single()).isEqualTo("PENDING");
	}

}
