package org.end287g.campaigns.pages;

import org.end287g.Chromium;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 390x844 phone, a person goes from the home page to their county's campaign by
 * following links and forms only: a search, near me, or the home page's ZIP code, in
 * English and in Spanish.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FindACampaignBrowserTests {

	static final String CAMPAIGN = "/campaigns/" + StaffTestSupport.GASTON;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	Chromium chromium;

	WebDriver browser;

	@BeforeEach
	void start() throws Exception {
		StaffTestSupport.clear(this.jdbc);
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		long gaston = this.campaigns.find(StaffTestSupport.GASTON).orElseThrow().id();
		this.jdbc.sql("insert into signature_counts (campaign_id, shard, confirmed) values (?, 0, 143)")
			.param(gaston)
			.update();
		this.chromium = Chromium.start("--window-size=390,844");
		this.browser = this.chromium.driver();
	}

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
		StaffTestSupport.clear(this.jdbc);
	}

	@Test
	void fromASearchForTheCityThroughTheCountyToItsCampaign() {
		open("/?lang=en");
		this.browser.findElement(By.id("q")).sendKeys("Gastonia NC");
		click(By.cssSelector("form.search button[type=submit]"));
		click(By.partialLinkText("Gaston County, NC"));
		assertThat(this.browser.findElement(By.cssSelector(".campaign-call")).getText())
			.contains("143 of 200 signatures");
		click(By.linkText("Sign the petition to end it"));
		assertThat(this.browser.getCurrentUrl()).endsWith(CAMPAIGN);
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).contains("Gaston County Sheriff");
	}

	@Test
	void fromNearMeToTheCampaignInSpanish() {
		open("/?lang=es");
		this.browser.findElement(By.id("q")).sendKeys("28052");
		click(By.cssSelector("form.search button[type=submit]"));
		assertThat(this.browser.getCurrentUrl()).contains("/near?zip=28052");
		assertThat(this.browser.findElement(By.cssSelector(".campaign-call")).getText()).contains("143 de 200 firmas");
		click(By.linkText("Firme la petición para ponerle fin"));
		assertThat(this.browser.getCurrentUrl()).endsWith(CAMPAIGN);
	}

	@Test
	void fromTheHomePagesZipCodeToTheNearestCampaignInBothLanguages() {
		for (String language : new String[] { "en", "es" }) {
			open("/?lang=" + language);
			this.browser.findElement(By.id("ask-zip")).sendKeys("28052");
			click(By.cssSelector("form.ask-form button[type=submit]"));
			assertThat(this.browser.getCurrentUrl()).contains("/campaigns?zip=28052");
			WebElement first = this.browser.findElement(By.cssSelector(".item-list .campaign-item"));
			assertThat(first.getText()).contains("Gaston County Sheriff",
					"en".equals(language) ? "143 of 200 signatures" : "143 de 200 firmas");
			Object overflow = ((JavascriptExecutor) this.browser)
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
			click(By.cssSelector(".item-list .campaign-item a"));
			assertThat(this.browser.getCurrentUrl()).endsWith(CAMPAIGN);
		}
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void click(By target) {
		this.chromium.clickAndWaitForNextPage(this.browser.findElement(target));
	}

}
