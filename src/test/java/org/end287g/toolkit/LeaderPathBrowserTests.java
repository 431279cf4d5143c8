package org.end287g.toolkit;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.end287g.Chromium;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * A leader's whole path in Chromium: asks to lead and confirms by mail, signs in by link,
 * reads every lesson and ticks the checklist, edits the share message, prints a numbered
 * signature sheet, types its rows back through paper entry and downloads the delivery
 * packet. Every file the browser fetched is read back by PDFBox, ImageIO or ZXing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "end287g.campaigns.leaders.auto-approve=true", "spring.datasource.hikari.maximum-pool-size=3" })
class LeaderPathBrowserTests {

	static final int PORT = TestSmtp.freePort();

	static final String GASTON = MaterialsTests.GASTON;

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

	Chromium chromium;

	WebDriver browser;

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	WebElement waitFor(By by) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void clickAndWait(By by) {
		this.chromium.clickAndWaitForNextPage(this.browser.findElement(by));
	}

	String h1() {
		return this.browser.findElement(By.tagName("h1")).getText();
	}

	/** A file fetched by the browser itself, with its cookies. */
	byte[] fetch(String pathAndQuery) {
		Object base64 = ((JavascriptExecutor) this.browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(b => {
				  let s = ''; const a = new Uint8Array(b);
				  for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
				  done(btoa(s));
				}).catch(e => done('failed ' + e));""", pathAndQuery);
		assertThat((String) base64).doesNotStartWith("failed");
		return Base64.getDecoder().decode((String) base64);
	}

	@Test
	void becomeLeaderTrainSharePrintTypeBackAndDeliver() throws Exception {
		this.jdbc.sql("delete from signatures").update();
		this.jdbc.sql("delete from signature_counts").update();
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		long id = this.campaigns.find(GASTON).orElseThrow().id();
		this.chromium = Chromium.start();
		this.browser = this.chromium.driver();
		((JavascriptExecutor) this.browser).executeScript("return 1");
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);

		// become a leader
		this.browser.get(url("/campaigns/" + GASTON + "?lang=en"));
		clickAndWait(By.linkText("Become a leader of this campaign"));
		String email = SignedIn.newEmail();
		this.browser.findElement(By.id("name")).sendKeys("Lea Path");
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.id("zip")).sendKeys("28052");
		this.browser.findElement(By.id("commitment")).click();
		clickAndWait(By.cssSelector("form.leader-form button[type=submit]"));
		assertThat(h1()).isEqualTo("Check your e-mail");
		String body = mail.last(email, "leader-confirm").body();
		int start = body.indexOf(url("/campaigns/"));
		this.browser.get(body.substring(start, body.indexOf('\n', start)).strip());
		clickAndWait(By.cssSelector(".leader-confirm button[type=submit]"));
		assertThat(this.jdbc.sql("select count(*) from role_grants where campaign_id = ? and revoked_at is null")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);

		// sign in by link
		this.browser.get(url("/sign-in"));
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.cssSelector("form.accounts-form button[type=submit]")).click();
		waitFor(By.cssSelector(".sign-in-sent"));
		this.browser.get(mail.last(email, "sign-in-link").link());
		this.browser.findElement(By.cssSelector(".sign-in-link button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.urlToBe(url("/leader/campaigns/" + id)));

		// finish training: every lesson, then the checklist
		this.browser.get(url("/leader/campaigns/" + id));
		clickAndWait(By.linkText("Training lessons: 0 of 6 read"));
		clickAndWait(By.cssSelector("ol.lessons a"));
		for (int lesson = 1; lesson <= 6; lesson++) {
			assertThat(this.browser.findElement(By.cssSelector(".lesson-body")).getText()).isNotBlank();
			clickAndWait(By.cssSelector(".leader-lesson form button[type=submit]"));
		}
		assertThat(this.browser.findElement(By.cssSelector(".form-notice")).getText())
			.startsWith("You have read every lesson.");
		this.browser.get(url("/leader/campaigns/" + id));
		List<WebElement> steps = this.browser.findElements(By.cssSelector(".training-steps li"));
		for (int step = 0; step < steps.size(); step++) {
			WebElement item = this.browser.findElements(By.cssSelector(".training-steps li")).get(step);
			if (item.findElements(By.tagName("strong")).isEmpty()) {
				this.chromium.clickAndWaitForNextPage(item.findElement(By.tagName("button")));
			}
		}
		assertThat(
				this.browser.findElement(By.id("training")).findElement(By.xpath("following-sibling::p[1]")).getText())
			.isEqualTo("5 of 5 done");

		// share: own message, links with a referral code, the image and the QR code
		this.browser.get(url("/leader/campaigns/" + id));
		clickAndWait(By.linkText("Share links, messages and where signatures came from"));
		WebElement social = this.browser.findElement(By.id("social-en"));
		social.clear();
		social.sendKeys("Gaston neighbours: sign to end 287(g) here");
		clickAndWait(By.cssSelector("#messages-en button[value=save]"));
		assertThat(this.browser.findElement(By.cssSelector(".form-notice")).getText())
			.startsWith("The share messages are saved");
		String x = this.browser.findElement(By.linkText("Post on X")).getAttribute("href");
		assertThat(x)
			.startsWith("https://x.com/intent/post?text=Gaston%20neighbours%3A%20sign%20to%20end%20287%28g%29%20here")
			.endsWith("campaigns%2F" + GASTON + "%3Fref%3Dx");
		byte[] image = fetch("/campaigns/" + GASTON + "/share.png?lang=en");
		assertThat(Readers.png(image).getWidth()).isEqualTo(1200);
		assertThat(Readers.png(image).getHeight()).isEqualTo(630);
		assertThat(Readers.qr(Readers.png(fetch("/campaigns/" + GASTON + "/qr.png?lang=en"))))
			.isEqualTo(url("/campaigns/" + GASTON) + "?lang=en&ref=qr");

		// print signature sheet no. 3, as the form asks for it
		WebElement number = this.browser.findElement(By.id("sheet-number"));
		number.clear();
		number.sendKeys("3");
		String sheetUrl = (String) ((JavascriptExecutor) this.browser)
			.executeScript("const f = document.getElementById('sheet-number').form;"
					+ "return f.getAttribute('action') + '?' + new URLSearchParams(new FormData(f));");
		assertThat(sheetUrl).isEqualTo("/campaigns/" + GASTON + "/signature-sheet.pdf?sheet=3&lang=en");
		String sheet = Readers.pdfSquashed(fetch(sheetUrl));
		assertThat(sheet).contains(Readers.squash("Petition to Gaston County Sheriff's Office", "Sheet no. 3",
				"First name", "Last name", "ZIP", "E-mail (optional)", "Why do you sign? (optional)"));

		// type the sheet's rows back in, in order
		this.browser.get(url("/leader/campaigns/" + id));
		clickAndWait(By.linkText("Enter paper signatures"));
		String[][] rows = { { "Rosa", "Méndez", "28052", "" }, { "Tom", "O'Neil", "28054", "tom@example.org" } };
		for (String[] row : rows) {
			this.browser.findElement(By.id("paper-first")).sendKeys(row[0]);
			this.browser.findElement(By.id("paper-last")).sendKeys(row[1]);
			this.browser.findElement(By.id("paper-zip")).sendKeys(row[2]);
			this.browser.findElement(By.id("paper-email")).sendKeys(row[3]);
			clickAndWait(By.cssSelector("form.signature-form button[type=submit]"));
			assertThat(this.browser.findElement(By.cssSelector(".notice")).getText())
				.isEqualTo("The signature was added.");
		}

		// the delivery packet lists them with their city, as the sheet says: no ZIP code,
		// no e-mail
		String packet = Readers.pdfSquashed(fetch("/leader/campaigns/" + id + "/delivery.pdf"));
		assertThat(packet)
			.contains(Readers.squash("Petition to Gaston County Sheriff's Office", "Rosa Méndez Gastonia",
					"Tom O'Neil Gastonia"))
			.doesNotContain("28052", "28054", "tom@example.org");
	}

}
