package org.end287g.campaigns;

import java.time.Duration;
import java.util.Map;

import org.end287g.Chromium;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in Chromium on a 390x844 phone with JavaScript turned off: the form
 * works without scripts, the ask is on the first screen, and signing ends on the "check
 * your e-mail" page with the share links and the way to lead.
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
		this.chromium = Chromium.start("--blink-settings=scriptEnabled=false", "--hide-scrollbars",
				"--window-size=390,844");
		// the viewport of a 390x844 phone, whatever room the window's own frame takes
		this.chromium.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
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
		assertThat(browser.findElement(By.id("sign")).getText()).isEqualTo("Firme la petición");
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

	/**
	 * On a 390x844 phone the first screen holds the place, the title, the count and the
	 * button to the form; after signing, the share links (WhatsApp first, with its
	 * referral code) and the way to lead.
	 */
	@Test
	void onAPhoneTheAskIsOnTheFirstScreenAndSigningLeadsToSharingAndLeading() {
		WebDriver browser = this.chromium.driver();
		browser.get("http://localhost:" + this.port + SignatureFixture.GASTON + "?lang=en");
		assertThat(script("return window.innerHeight")).isEqualTo(844L);
		assertThat(script("return document.documentElement.scrollWidth - window.innerWidth")).isEqualTo(0L);
		assertThat(bottom(".site-header")).as("the header is one row").isLessThanOrEqualTo(72);
		assertThat(browser.findElement(By.cssSelector(".place-line")).getText()).isEqualTo("NC · Gaston County");
		assertThat(browser.findElement(By.cssSelector(".campaign-hero .progress-text")).getText())
			.isEqualTo("0 of 200 signatures");
		assertThat(bottom(".campaign-hero .progress-text")).isLessThanOrEqualTo(844);
		WebElement jump = browser.findElement(By.cssSelector(".sign-jump a"));
		assertThat(jump.getText()).isEqualTo("Sign the petition");
		assertThat(bottom(".sign-jump a")).as("the sign button is on the first screen").isLessThanOrEqualTo(844);
		jump.click();
		assertThat(browser.getCurrentUrl()).endsWith("#sign");
		assertThat(((Number) script("return document.getElementById('sign').getBoundingClientRect().top")).intValue())
			.as("the button jumps to the form")
			.isBetween(0, 100);

		browser.findElement(By.id("sig-first")).sendKeys("Ana");
		browser.findElement(By.id("sig-last")).sendKeys("García");
		browser.findElement(By.id("sig-email")).sendKeys(SignatureFixture.newEmail());
		browser.findElement(By.id("sig-zip")).sendKeys("28052");
		this.chromium
			.clickAndWaitForNextPage(browser.findElement(By.cssSelector("form.signature-form button[type=submit]")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your e-mail");
		WebElement whatsapp = browser.findElement(By.cssSelector(".share-row .whatsapp a"));
		assertThat(whatsapp.getAttribute("href")).startsWith("https://wa.me/?text=")
			.contains("nc-gaston-county-sheriffs-office%3Fref%3Dwhatsapp");
		assertThat(whatsapp.getRect().getY() + whatsapp.getRect().getHeight()).as("sharing is on the first screen")
			.isLessThanOrEqualTo(844);
		WebElement lead = browser.findElement(By.linkText("Become a leader"));
		assertThat(lead.getAttribute("href")).endsWith(SignatureFixture.GASTON + "/lead");
		assertThat(script("return document.documentElement.scrollWidth - window.innerWidth")).isEqualTo(0L);
		// and nothing scrolls sideways on a 320 px phone either
		this.chromium.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", true));
		for (String page : new String[] { "", "/signed", "/confirmed" }) {
			for (String language : new String[] { "en", "es" }) {
				browser.get("http://localhost:" + this.port + SignatureFixture.GASTON + page + "?lang=" + language);
				assertThat(script("return document.documentElement.scrollWidth - window.innerWidth"))
					.as(page + " in " + language)
					.isEqualTo(0L);
			}
		}
	}

	private Object script(String javascript) {
		return ((JavascriptExecutor) this.chromium.driver()).executeScript(javascript);
	}

	/** Where the first element the selector finds ends, in CSS pixels from the top. */
	private int bottom(String selector) {
		return ((Number) script("return document.querySelector('" + selector + "').getBoundingClientRect().bottom"))
			.intValue();
	}

}
