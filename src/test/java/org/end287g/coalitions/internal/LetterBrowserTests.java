package org.end287g.coalitions.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.Axe;
import org.end287g.Chromium;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organizer, signed in for real in Chromium, signs an open letter for their
 * organization in Spanish: first without a name (the error is tied to the field), then
 * with it; the letter then counts the organization and lists it, and the form is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LetterBrowserTests {

	static final int PORT = TestSmtp.freePort();

	@DynamicPropertySource
	static void origin(DynamicPropertyRegistry registry) {
		Chromium.servedAt(registry, PORT);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Letters letters;

	Chromium chromium;

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
		for (String table : new String[] { "letter_signatures", "letters", "organization_pages" }) {
			this.jdbc.sql("delete from " + table).update();
		}
	}

	/** Gaston's campaign with a letter to its sheriff, open for signatures. */
	Letter openLetter() {
		StaffTestSupport.clear(this.jdbc);
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		long campaign = this.campaigns.find(StaffTestSupport.GASTON).orElseThrow().id();
		Letter letter = this.letters.create(campaign,
				new Letters.Target(null, "Sheriff Alan Cloninger", "Gaston County Sheriff's Office"),
				new Letters.Words("End 287(g) now", "Ponga fin al 287(g) ya", "Dear Sheriff,\n\nEnd it.",
						"Estimado sheriff:\n\nTermine el acuerdo."),
				"test-leader");
		this.letters.move(letter.id(), Letter.OPEN, "test-leader");
		return letter;
	}

	String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	@Test
	void anOrganizerSignsALetterForTheirOrganizationInSpanish() throws Exception {
		Letter letter = openLetter();
		long organization = this.accounts
			.organization("Casa Esperanza " + UUID.randomUUID().toString().substring(0, 6));
		String email = "organizer-" + UUID.randomUUID() + "@example.org";
		this.accounts.organizer(email, "Organizadora", organization);
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);

		this.chromium = Chromium.start();
		WebDriver browser = this.chromium.driver();
		browser.get(url("/sign-in?lang=es"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.cssSelector("form.accounts-form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sign-in-sent")));
		browser.get(mail.last(email, "sign-in-link").link());
		browser.findElement(By.cssSelector(".sign-in-link button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));

		browser.get(url("/letters/" + letter.slug() + "?lang=es"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ponga fin al 287(g) ya");
		assertThat(browser.findElement(By.cssSelector(".letter-count")).getText())
			.isEqualTo("Ninguna organización ha firmado todavía");
		assertThat(new Select(browser.findElement(By.id("organization"))).getFirstSelectedOption().getText())
			.startsWith("Casa Esperanza");
		browser.findElement(By.cssSelector("form[action$='/sign'] button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("signerName-error")));
		assertThat(browser.findElement(By.id("signerName")).getAttribute("aria-describedby"))
			.isEqualTo("signerName-error");
		assertThat(browser.findElement(By.id("signerName-error")).getText())
			.isEqualTo("Por favor, indique el nombre de la persona que firma por la organización.");
		assertThat(this.jdbc.sql("select count(*) from letter_signatures").query(Long.class).single()).isZero();

		browser.findElement(By.id("signerName")).sendKeys("María Gómez");
		browser.findElement(By.id("signerTitle")).sendKeys("Directora");
		browser.findElement(By.cssSelector("form[action$='/sign'] button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".form-notice")));
		assertThat(browser.findElement(By.cssSelector(".form-notice")).getText()).startsWith("Su organización firmó");
		assertThat(browser.findElement(By.cssSelector(".letter-count")).getText())
			.isEqualTo("1 organización ha firmado");
		assertThat(browser.findElement(By.cssSelector(".letter-signers")).getText()).contains("Casa Esperanza",
				"María Gómez, Directora");
		assertThat(browser.findElements(By.cssSelector("form[action$='/sign']"))).isEmpty();
	}

	/**
	 * On a 390 px phone, in Spanish, without an account: from the letter page by its link
	 * to the form, a wrong domain refused at the field, the link mailed to an address at
	 * the organisation's verified domain, and the letter signed from that link.
	 */
	@Test
	void anOrganizationSignsByEmailWithoutAnAccountOnAPhone() throws Exception {
		Letter letter = openLetter();
		String name = "Voz Unida " + UUID.randomUUID().toString().substring(0, 6);
		long organization = this.accounts.organization(name);
		this.jdbc.sql("""
				insert into organization_pages (organization_id, website, verified_at, verified_how, verified_by,
				updated_at, updated_by) values (?, 'https://vozunida.example.org', current_timestamp, 'STAFF', 'test',
				current_timestamp, 'test')""").param(organization).update();
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		Axe axe = Axe.installed();

		this.chromium = Chromium.start("--hide-scrollbars", "--window-size=390,844");
		this.chromium.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		ChromeDriver browser = this.chromium.driver();
		browser.get(url("/letters/" + letter.slug() + "?lang=es"));
		checked(browser, axe);
		this.chromium.clickAndWaitForNextPage(browser.findElement(By.cssSelector("a[href$='/by-email']")));
		checked(browser, axe);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Firme por su organización por correo");
		new Select(browser.findElement(By.id("organization"))).selectByValue(Long.toString(organization));
		browser.findElement(By.id("email")).sendKeys("ana@gmail.com");
		this.chromium.clickAndWaitForNextPage(browser.findElement(By.cssSelector("form button[type=submit]")));
		assertThat(browser.findElement(By.id("email")).getAttribute("aria-describedby")).contains("email-error");
		assertThat(browser.findElement(By.id("email-error")).getText()).startsWith("Dé una dirección de");
		assertThat(mail.to("ana@gmail.com")).isEmpty();

		browser.findElement(By.id("email")).clear();
		browser.findElement(By.id("email")).sendKeys("ana@vozunida.example.org");
		this.chromium.clickAndWaitForNextPage(browser.findElement(By.cssSelector("form button[type=submit]")));
		checked(browser, axe);
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("vozunida.example.org");
		QueuedMail.Message sent = mail.last("ana@vozunida.example.org", "letter-sign-link");
		assertThat(sent.language()).isEqualTo("es");
		Matcher link = Pattern.compile("http://\\S+/letters/sign-by-email\\?token=\\S+").matcher(sent.body());
		assertThat(link.find()).isTrue();

		browser.get(link.group());
		checked(browser, axe);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(name);
		browser.findElement(By.id("signerName")).sendKeys("Ana López");
		browser.findElement(By.id("signerTitle")).sendKeys("Coordinadora");
		this.chromium.clickAndWaitForNextPage(browser.findElement(By.cssSelector("form button[type=submit]")));
		checked(browser, axe);
		assertThat(browser.findElement(By.cssSelector(".letter-count")).getText())
			.isEqualTo("1 organización ha firmado");
		assertThat(browser.findElement(By.cssSelector(".letter-signers")).getText()).contains(name,
				"Ana López, Coordinadora");
	}

	/** axe finds nothing on the page, and nothing scrolls sideways. */
	private static void checked(ChromeDriver browser, Axe axe) {
		axe.assertNoViolations(browser);
		Object overflow = browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).as("sideways scrolling on %s", browser.getCurrentUrl())
			.isLessThanOrEqualTo(0);
	}

}
