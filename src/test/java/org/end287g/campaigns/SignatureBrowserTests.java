package org.end287g.campaigns;

import java.time.Duration;

import org.end287g.Chromium;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in Chromium with JavaScript turned off, in Spanish: the form works
 * without scripts and ends on the "check your e-mail" page.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignatureBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	Campaigns campaigns;

	SignatureFixture fixture;

	Chromium chromium;

	@BeforeEach
	void start() throws Exception {
		this.fixture = new SignatureFixture(null, this.jdbc, this.cipher, this.index).reset(this.campaigns);
		this.chromium = Chromium.start("--blink-settings=scriptEnabled=false");
	}

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
		this.fixture.clean();
	}

	@Test
	void signingInSpanishWithoutJavaScriptEndsOnTheCheckYourEmailPage() {
		WebDriver browser = this.chromium.driver();
		browser.get("http://localhost:" + this.port + SignatureFixture.GASTON + "?lang=es");
		assertThat(browser.findElement(By.id("sign")).getText()).isEqualTo("Firmas");
		String email = SignatureFixture.newEmail();
		browser.findElement(By.id("sig-first")).sendKeys("Lucía");
		browser.findElement(By.id("sig-last")).sendKeys("Hernández");
		browser.findElement(By.id("sig-email")).sendKeys(email);
		browser.findElement(By.id("sig-zip")).sendKeys("28052");
		browser.findElement(By.id("sig-comment")).sendKeys("Por nuestras familias");
		browser.findElement(By.cssSelector("label[for=sig-public]")).click();
		assertThat(browser.findElement(By.id("sig-updates")).isSelected()).isFalse();
		browser.findElement(By.cssSelector("form.signature-form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), "Revise su correo electrónico"));
		assertThat(browser.getCurrentUrl()).endsWith(SignatureFixture.GASTON + "/signed");
		assertThat(this.jdbc.sql("select language from signatures").query(String.class).single()).isEqualTo("es");
		assertThat(this.jdbc.sql("select show_publicly from signatures").query(Boolean.class).single()).isTrue();
		assertThat(this.fixture.mail.last(email, "signature-confirm").language()).isEqualTo("es");
	}

}
