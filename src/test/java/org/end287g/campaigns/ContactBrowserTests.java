package org.end287g.campaigns;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.end287g.Axe;
import org.end287g.Chromium;
import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.QueuedMail;
import org.end287g.decide.DecideTables;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
 * "Contact your official" in two real browsers: a leader, signed in by the mailed link,
 * adds a secondary target from the directory on the dashboard; a supporter whose browser
 * runs no JavaScript reads the call script, opens the printable letter and reports "I
 * called" on the campaign page; the leader then sees the call counted. axe checks every
 * page against WCAG 2.2 A and AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ContactBrowserTests {

	static final int PORT = TestSmtp.freePort();

	static final String GASTON = "nc-gaston-county-sheriffs-office";

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
	AccountDirectory directory;

	Axe axe;

	Chromium leader;

	Chromium supporter;

	@BeforeEach
	void directory() throws Exception {
		this.axe = Axe.installed();
		DecideTables.clear(this.jdbc);
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		office("SHERIFF", "Gaston County Sheriff", TrackerFixture.GASTON, "Chad Hawkins", "Sheriff", "(704) 869-6800",
				"sheriff@gastongov.example");
		office("COUNTY_BOARD", "Gaston County Board of Commissioners", null, "Chad Brown", "Chair", "704-866-3100",
				"commissioners@gastongov.example");
	}

	@AfterEach
	void stop() {
		DecideTables.clear(this.jdbc);
		for (Chromium browser : new Chromium[] { this.leader, this.supporter }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	void office(String kind, String name, String agency, String person, String title, String phone, String email) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into decide_offices (kind, name, state, county_fips, agency_slug, office_key, created_at)
				values (?, ?, 'NC', '37071', ?, ?, ?)""")
			.params(kind, name)
			.param(agency)
			.params("nc:" + name, now)
			.update();
		this.jdbc.sql("""
				insert into decide_holders (office_id, person_name, title, phone, email, address, source_title,
				source_url, checked_on, created_at)
				values ((select id from decide_offices where office_key = ?), ?, ?, ?, ?,
				'425 Dr. Martin Luther King Jr. Way, Gastonia, NC 28052', 'County site', 'https://www.gastongov.com',
				?, ?)""").params("nc:" + name, person, title, phone, email, LocalDate.of(2026, 11, 1), now).update();
	}

	String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	@Test
	void aLeaderAddsATargetAndASupporterWithoutJavaScriptReportsACall() throws Exception {
		long id = this.campaigns.find(GASTON).orElseThrow().id();
		String email = "leader-" + UUID.randomUUID() + "@example.org";
		this.directory.appointLeader("test-admin", email, "Leader", "en", id);
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);

		// the leader signs in by the mailed link and lands on the dashboard
		this.leader = Chromium.start("--hide-scrollbars", "--window-size=390,844");
		WebDriver browser = this.leader.driver();
		browser.get(url("/sign-in"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.cssSelector("form.accounts-form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sign-in-sent")));
		browser.get(mail.last(email, "sign-in-link").link());
		browser.findElement(By.cssSelector(".sign-in-link button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.urlToBe(url("/leader/campaigns/" + id)));
		assertThat(browser.findElement(By.id("targets")).getText()).isEqualTo("Who you press");
		this.axe.assertNoViolations(browser);

		// adds the county board from the directory
		new Select(browser.findElement(By.id("target-office")))
			.selectByVisibleText("Chad Brown — Gaston County Board of Commissioners");
		this.leader.clickAndWaitForNextPage(
				browser.findElement(By.xpath("//form[.//select[@id='target-office']]//button[@type='submit']")));
		assertThat(browser.findElement(By.cssSelector(".form-notice")).getText())
			.contains("The target is added to the campaign page.");
		assertThat(browser.findElement(By.cssSelector("table.contact-counts")).getText()).contains("Chad Hawkins",
				"Chad Brown");
		this.axe.assertNoViolations(browser);

		// a supporter whose browser runs no script
		this.supporter = Chromium.start("--hide-scrollbars", "--window-size=390,844");
		ChromeDriver phone = this.supporter.driver();
		scripts(phone, false);
		assertScriptsOff(phone);
		phone.get(url("/campaigns/" + GASTON));
		WebElement contact = phone.findElement(By.id("contact"));
		assertThat(contact.findElements(By.cssSelector("article.contact-target"))).hasSize(2);
		WebElement sheriff = contact.findElement(By.cssSelector("article.contact-target"));
		assertThat(sheriff.getText()).contains("Chad Hawkins", "Primary target");
		assertThat(sheriff.findElement(By.cssSelector("a[href^='tel:']")).getAttribute("href"))
			.isEqualTo("tel:7048696800");
		assertThat(sheriff.findElement(By.cssSelector(".call-script .script")).getText())
			.contains("I am calling Sheriff Chad Hawkins about the petition");
		assertThat(
				sheriff.findElement(By.cssSelector("a[href^='mailto:sheriff@gastongov.example']")).getAttribute("href"))
			.contains("body=Dear%20Sheriff%20Chad%20Hawkins");
		WebElement board = contact.findElements(By.cssSelector("article.contact-target")).get(1);
		assertThat(board.getText()).contains("Chad Brown", "Also press");
		// the script of a secondary target opens without script: a details element
		board.findElement(By.cssSelector(".call-script summary")).click();
		assertThat(board.findElement(By.cssSelector(".call-script .script")).isDisplayed()).isTrue();
		checked(phone);

		// the letter to print
		this.supporter.clickAndWaitForNextPage(sheriff.findElement(By.partialLinkText("Print")));
		assertThat(phone.findElement(By.tagName("main")).getText()).contains("Dear Sheriff Chad Hawkins",
				"Gastonia, NC 28052");
		checked(phone);
		phone.navigate().back();

		// "I called": counted once, the thanks page says so
		this.supporter.clickAndWaitForNextPage(phone.findElement(By.id("contact"))
			.findElement(By.cssSelector("article.contact-target form.contact-done button[type=submit]")));
		assertThat(phone.findElement(By.tagName("main")).getText()).contains("Your call to Chad Hawkins is counted");
		checked(phone);

		// the leader sees the call
		browser.navigate().refresh();
		WebElement row = browser
			.findElement(By.xpath("//table[contains(@class,'contact-counts')]//tr[contains(., 'Chad Hawkins')]"));
		assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo("1");
		assertThat(row.findElements(By.tagName("td")).get(2).getText()).isEqualTo("0");
		assertScriptsOff(phone);

		// the sheriff's election: the leader follows the link to the elections and mails
		// a candidate the questionnaire
		this.jdbc.sql("""
				insert into decide_elections (office_id, general_date, source_title, source_url, checked_on, created_at)
				values ((select id from decide_offices where office_key = 'nc:Gaston County Sheriff'), ?, 'NCSBE',
				'https://www.ncsbe.gov', ?, current_timestamp)""")
			.params(LocalDate.now(ZoneOffset.UTC).plusMonths(5), LocalDate.of(2026, 11, 1))
			.update();
		this.jdbc.sql("""
				insert into decide_candidates (election_id, name, name_key, email, source_title, source_url, created_at)
				values ((select max(id) from decide_elections), 'Ana Ruiz', 'ana ruiz', 'ana@ruiz.example.org', 'NCSBE',
				'https://www.ncsbe.gov', current_timestamp)""").update();
		browser.get(url("/leader/campaigns/" + id));
		this.leader.clickAndWaitForNextPage(
				browser.findElement(By.cssSelector("a[href='/leader/campaigns/" + id + "/elections']")));
		this.axe.assertNoViolations(browser);
		WebElement ask = browser.findElement(By.cssSelector(".questionnaire-asks li"));
		assertThat(ask.getText()).contains("Ana Ruiz");
		this.leader.clickAndWaitForNextPage(ask.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector(".form-notice")).getText()).isNotBlank();
		assertThat(browser.findElement(By.cssSelector(".questionnaire-asks li")).getText()).contains("Ana Ruiz");
		assertThat(mail.to("ana@ruiz.example.org")).hasSize(1);
		this.axe.assertNoViolations(browser);
	}

	/** Pages in this browser run no script (the check's own page proves it). */
	static void assertScriptsOff(ChromeDriver phone) {
		phone.get("data:text/html,<title>before</title><script>document.title='ran'</script>");
		assertThat(phone.getTitle()).as("JavaScript is off").isEqualTo("before");
	}

	/** Lets the pages of this browser run scripts, or not. */
	static void scripts(ChromeDriver browser, boolean enabled) {
		browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
	}

	/**
	 * axe on the page the script-less browser loaded: scripts are let run for the check
	 * only (the page's own ran at load or never), then turned off again.
	 */
	void checked(ChromeDriver phone) {
		scripts(phone, true);
		try {
			this.axe.assertNoViolations(phone);
		}
		finally {
			scripts(phone, false);
		}
	}

}
