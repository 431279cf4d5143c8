package org.end287g.campaigns.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.end287g.Chromium;
import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.QueuedMail;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader, signed in for real in Chromium, records the delivery with a photo; the public
 * page shows it with the cleaned photo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DeliveryBrowserTests {

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
	AccountDirectory directory;

	Chromium chromium;

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
		StaffTestSupport.clear(this.jdbc);
	}

	String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	@Test
	void aLeaderRecordsTheDeliveryWithAPhotoInSpanish() throws Exception {
		this.chromium = Chromium.start();
		WebDriver browser = this.chromium.driver();
		StaffTestSupport.clear(this.jdbc);
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		long id = this.campaigns.find(StaffTestSupport.GASTON).orElseThrow().id();
		String email = "leader-" + UUID.randomUUID() + "@example.org";
		this.directory.appointLeader("test-admin", email, "Líder", "es", id);
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);

		browser.get(url("/sign-in?lang=es"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.cssSelector("form.accounts-form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sign-in-sent")));
		browser.get(mail.last(email, "sign-in-link").link());
		browser.findElement(By.cssSelector(".sign-in-link button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.urlToBe(url("/leader/campaigns/" + id)));

		browser.get(url("/leader/campaigns/" + id + "/delivery"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Entrega de la petición");
		// the place left empty: the error is tied to its field, nothing is saved
		browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
		// wait for the answer page: the field then names its error
		WebElement place = new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("place-error")))
			.findElement(By.xpath("//*[@id='place']"));
		assertThat(place.getAttribute("aria-describedby")).isEqualTo("place-error");
		assertThat(browser.findElement(By.id("place-error")).getText()).isEqualTo("Por favor, complete este campo.");

		Path photo = Files.createTempFile("delivery", ".png");
		Files.write(photo, DeliveryRecordTests.pngWithGps());
		browser.findElement(By.id("place")).sendKeys("Palacio de justicia de Gaston");
		browser.findElement(By.id("receivedBy")).sendKeys("Subjefe");
		browser.findElement(By.id("photo")).sendKeys(photo.toString());
		browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".form-notice")));
		assertThat(browser.findElement(By.cssSelector(".form-notice")).getText()).contains("La entrega está guardada");
		Files.delete(photo);

		browser.get(url("/campaigns/" + StaffTestSupport.GASTON + "?lang=es"));
		WebElement image = browser.findElement(By.cssSelector(".campaign-deliveries img"));
		// the photo loads lazily, below the ask: scroll down to it as a reader would
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", image);
		assertThat(image.getAttribute("alt")).startsWith("Entrega de la petición en Palacio de justicia de Gaston el");
		// the browser loads the photo: wait until it has decoded it
		Number width = new WebDriverWait(browser, Duration.ofSeconds(20))
			.until((driver) -> (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
				.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0 "
						+ "? arguments[0].naturalWidth : null", image));
		assertThat(width.intValue()).isEqualTo(20);
	}

}
