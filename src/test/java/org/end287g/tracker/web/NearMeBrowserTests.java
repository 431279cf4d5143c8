package org.end287g.tracker.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.end287g.Chromium;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A person on the home page types their ZIP code and finds their county's agreements. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NearMeBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebDriver browser;

	Chromium chromium;

	@BeforeEach
	void start() throws Exception {
		this.chromium = Chromium.start();
		this.browser = this.chromium.driver();
		new TrackerFixture(this.jdbc).load("COMMAND");
	}

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void findsTheAgreementsOfTheCountyOfAZip() {
		this.browser.get("http://localhost:" + this.port + "/");
		this.browser.findElement(By.id("q")).sendKeys("28052");
		this.browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
		waitFor(By.cssSelector("table.agreements"));
		assertThat(this.browser.findElement(By.tagName("h2")).getText()).isEqualTo("Gaston County, NC");
		assertThat(this.browser.findElement(By.cssSelector("table.agreements")).getText())
			.contains("Gaston County Sheriff's Office")
			.contains("JEM")
			.contains("WSO");
		assertThat(this.browser.findElement(By.cssSelector("ol.nearest")).getText()).contains("York County")
			.contains("miles away")
			.doesNotContain("km");
	}

	@Test
	void worksInSpanish() {
		this.browser.get("http://localhost:" + this.port + "/?lang=es");
		assertThat(this.browser.findElement(By.cssSelector("label[for=q]")).getText())
			.isEqualTo("Código postal, ciudad, condado o agencia");
		this.browser.findElement(By.id("q")).sendKeys("28052");
		this.browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
		waitFor(By.cssSelector("table.agreements"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Acuerdos cerca de usted");
		assertThat(this.browser.findElement(By.cssSelector("table.agreements")).getText()).contains("Activo");
		assertThat(this.browser.findElement(By.cssSelector("ol.nearest")).getText()).contains("millas");
	}

	@Test
	void useMyLocationFindsTheCountyOfTheBrowser() {
		ChromeDriver chrome = (ChromeDriver) this.browser;
		this.browser.get("http://localhost:" + this.port + "/near");
		chrome.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", "http://localhost:" + this.port, "permissions", List.of("geolocation")));
		chrome.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", 35.26, "longitude", -81.18, "accuracy", 100));
		WebElement locate = this.browser.findElement(By.cssSelector("form.near-locate button"));
		assertThat(locate.isDisplayed()).as("the button appears only with JavaScript").isTrue();
		locate.click();
		waitFor(By.cssSelector("table.agreements"));
		assertThat(this.browser.getCurrentUrl()).contains("lat=35.26").contains("lon=-81.18");
		assertThat(this.browser.findElement(By.tagName("h2")).getText()).isEqualTo("Gaston County, NC");
	}

	@Test
	void trackerPagesFitANarrowPhoneScreen() {
		this.browser.manage().window().setSize(new Dimension(320, 800));
		for (String page : List.of("/", "/near?zip=28052", "/states", "/states/NC",
				"/agencies/" + TrackerFixture.GASTON, "/search?q=gaston", "/states/XX")) {
			for (String language : List.of("en", "es")) {
				this.browser.get(
						"http://localhost:" + this.port + page + (page.contains("?") ? "&" : "?") + "lang=" + language);
				assertThat(((ChromeDriver) this.browser).executeScript("return window.innerWidth")).isEqualTo(320L);
				Object overflow = ((ChromeDriver) this.browser)
					.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
				assertThat(((Number) overflow).intValue()).as(page + " in " + language).isLessThanOrEqualTo(0);
			}
		}
	}

	private void waitFor(By element) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(element));
	}

}
