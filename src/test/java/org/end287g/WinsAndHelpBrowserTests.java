package org.end287g;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two short walks on a 390x844 phone by following links only, in English and in Spanish:
 * from the home page's count of wins to the wins page, a win's story, the page of its
 * agency (which ended its agreement before our data) and the help near its county; and
 * from an agency's page through "Get help" to the help near its county. axe checks every
 * page against WCAG 2.2 A and AA, and no page scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = "spring.datasource.hikari.maximum-pool-size=4")
@DirtiesContext
class WinsAndHelpBrowserTests {

	static final int PORT = org.end287g.notifications.TestSmtp.freePort();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		Chromium.servedAt(registry, PORT);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	Axe axe;

	Chromium person;

	@BeforeEach
	void start() throws Exception {
		this.axe = Axe.installed();
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		this.jdbc.sql("delete from help_entries").update();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into help_entries (name, name_key, kind, languages, cost, counties, facilities, phone,
				last_checked, approved, created_at, updated_at)
				values ('Gaston Rapid Response', 'gaston rapid response', 'RAPID_RESPONSE_HOTLINE', 'en es', 'FREE',
				'37071', 'Gaston County Jail', '(704) 555-0100', ?, true, ?, ?)""")
			.params(java.sql.Date.valueOf("2026-11-01"), now, now)
			.update();
		this.person = Chromium.start("--hide-scrollbars", "--window-size=390,844");
		this.person.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
	}

	@AfterEach
	void stop() {
		if (this.person != null) {
			this.person.close();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void fromTheHomePagesWinsToAStory(String language) {
		boolean english = "en".equals(language);
		WebDriver browser = this.person.driver();
		browser.get(url("/?lang=" + language));
		checked(browser);
		follow(By.cssSelector(".home-wins a[href='/wins']"));
		assertThat(h1(browser))
			.isEqualTo(english ? "Agreements communities ended" : "Acuerdos que las comunidades terminaron");
		// Mecklenburg's story, wherever wins other tests published put it in the list
		follow(By.cssSelector(".wins-list h2 a[href='/wins/nc-mecklenburg-county-sheriffs-office-2018']"));
		assertThat(browser.getCurrentUrl()).contains("/wins/");
		assertThat(browser.findElement(By.tagName("main")).getText()).isNotBlank();
		// Mecklenburg ended its agreement before our data: its story leads to its own
		// page
		follow(By.cssSelector("main a[href='/agencies/nc-mecklenburg-county-sheriffs-office']"));
		assertThat(h1(browser)).isEqualTo("Mecklenburg County Sheriff's Office");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains(english ? "Had a 287(g) agreement until 5 December 2018"
					: "Tuvo un acuerdo 287(g) hasta el 5 de diciembre de 2018")
			.contains(english ? "15,000" : "15.000");
		follow(By.cssSelector(".help-nearby a[href='/help?county=37119']"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Mecklenburg County");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void fromAnAgencyPageToHelpNearItsCounty(String language) {
		boolean english = "en".equals(language);
		WebDriver browser = this.person.driver();
		browser.get(url("/agencies/" + TrackerFixture.GASTON + "?lang=" + language));
		checked(browser);
		assertThat(browser.findElement(By.cssSelector(".help-nearby h2")).getText()).isEqualTo(
				english ? "Someone held by this jail? Get help" : "¿Alguien detenido en esta cárcel? Obtenga ayuda");
		follow(By.cssSelector(".help-nearby a[href='/help?county=37071']"));
		String main = browser.findElement(By.tagName("main")).getText();
		assertThat(main).contains("Gaston Rapid Response", "Gaston County")
			.contains(english ? "Rapid-response hotline" : "Línea de respuesta rápida");
	}

	private void follow(By target) {
		this.person.clickAndWaitForNextPage(this.person.driver().findElement(target));
		checked(this.person.driver());
	}

	/** axe finds nothing on the page, and nothing scrolls sideways. */
	private void checked(WebDriver browser) {
		this.axe.assertNoViolations(browser);
		Object overflow = ((ChromeDriver) browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).as("sideways scrolling on %s", browser.getCurrentUrl())
			.isLessThanOrEqualTo(0);
	}

	private static String h1(WebDriver browser) {
		return browser.findElement(By.tagName("h1")).getText();
	}

	private static String url(String path) {
		return "http://localhost:" + PORT + path;
	}

}
