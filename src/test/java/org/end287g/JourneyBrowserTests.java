package org.end287g;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.TestSmtp;
import org.end287g.notifications.internal.OutboxDriver;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's path, walked in Chromium on a 390x844 phone by following links only, in
 * English and in Spanish: from the home page through a search for "Gastonia NC" to the
 * Gaston County campaign; sign; confirm from the mail read back over SMTP; share (the
 * WhatsApp link keeps its referral code); ask to lead and confirm from the mail; a staff
 * member signed in with a passkey approves the request from the staff home; the approval
 * mail's link signs the new leader in on their dashboard. axe checks every page against
 * WCAG 2.2 A and AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = "spring.datasource.hikari.maximum-pool-size=4")
@DirtiesContext
class JourneyBrowserTests {

	static final int PORT = TestSmtp.freePort();

	static final int SMTP_PORT = TestSmtp.freePort();

	static final Pattern LINK = Pattern.compile("https?://localhost:\\d+/\\S+");

	static GreenMail smtp;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		Chromium.servedAt(registry, PORT);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startSmtp() {
		smtp = TestSmtp.start(SMTP_PORT);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestAccounts accounts;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	Axe axe;

	Chromium person;

	Chromium staff;

	@BeforeEach
	void start() throws Exception {
		this.axe = Axe.installed();
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
		this.person = phone();
		this.staff = phone();
	}

	@AfterEach
	void stop() {
		for (Chromium browser : new Chromium[] { this.person, this.staff }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void fromTheHomePageToLeadingTheCampaign(String language) {
		boolean english = "en".equals(language);
		WebDriver browser = this.person.driver();
		String email = "walker-" + language + "-" + System.nanoTime() + "@example.org";

		// Find: the home page, a search for the city, the county's campaign.
		browser.get(url("/?lang=" + language));
		checked(browser);
		browser.findElement(By.id("q")).sendKeys("Gastonia NC");
		follow(this.person, By.cssSelector("form.search button[type=submit]"));
		WebElement call = browser.findElement(By.cssSelector("a[href$='/campaigns/nc-gaston-county-sheriffs-office']"));
		assertThat(call.getText())
			.isEqualTo(english ? "Sign the petition to end it" : "Firme la petición para ponerle fin");
		follow(this.person, call);
		assertThat(h1(browser)).contains("Gaston County Sheriff");

		// Sign: the button on the first screen jumps to the form.
		browser.findElement(By.cssSelector(".sign-jump a")).click();
		browser.findElement(By.id("sig-first")).sendKeys("Ana");
		browser.findElement(By.id("sig-last")).sendKeys("García");
		browser.findElement(By.id("sig-email")).sendKeys(email);
		browser.findElement(By.id("sig-zip")).sendKeys("28052");
		follow(this.person, By.cssSelector("form.signature-form button[type=submit]"));
		assertThat(h1(browser)).startsWith(english ? "Check your e-mail" : "Revise su correo");

		// Confirm from the mail, as the SMTP server received it.
		browser.get(mailedLink(email, "/confirm?token="));
		checked(browser);
		follow(this.person, By.cssSelector("main form button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector("main")).getText())
			.contains(english ? "1 of 200 signatures" : "1 de 200 firmas");

		// Share: WhatsApp first, with the referral code.
		WebElement whatsapp = browser.findElement(By.cssSelector(".share-row .whatsapp a"));
		assertThat(whatsapp.getAttribute("href")).startsWith("https://wa.me/?text=").contains("%3Fref%3Dwhatsapp");

		// Lead: the ask on the confirmed page, the form, the mailed confirmation.
		follow(this.person, By.cssSelector("main a[href$='/campaigns/nc-gaston-county-sheriffs-office/lead']"));
		browser.findElement(By.id("name")).sendKeys("Ana García");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("zip")).sendKeys("28052");
		browser.findElement(By.id("commitment")).click();
		follow(this.person, By.cssSelector("form.leader-form button[type=submit]"));
		browser.get(mailedLink(email, "/lead/confirm"));
		checked(browser);
		follow(this.person, By.cssSelector(".leader-confirm button[type=submit]"));

		// Staff: signed in with a passkey, they find the request on the staff home.
		approveAsStaff("Ana García");

		// The approval mail greets the leader by name and signs them in on the dashboard.
		MimeMessage approval = mail(email, "/sign-in/link").orElseThrow();
		assertThat(text(approval)).contains("Ana");
		browser.get(link(approval, "/sign-in/link"));
		checked(browser);
		follow(this.person, By.cssSelector(".sign-in-link button[type=submit]"));
		assertThat(browser.getCurrentUrl()).contains("/leader/campaigns/");
		checked(browser);
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "es" })
	void fromASearchForACountyWithoutAgreementToItsAlerts(String language) {
		boolean english = "en".equals(language);
		WebDriver browser = this.person.driver();
		String email = "follower-" + language + "-" + System.nanoTime() + "@example.org";

		// Find: a county without an agreement, and what to do there instead.
		browser.get(url("/?lang=" + language));
		browser.findElement(By.id("q")).sendKeys("Alamance County NC");
		follow(this.person, By.cssSelector("form.search button[type=submit]"));
		follow(this.person, By.cssSelector("main a[href*='county=37001']"));
		WebElement instead = browser.findElement(By.cssSelector(".near-instead a[href='#alert-heading']"));
		assertThat(instead.getText()).isEqualTo(english ? "E-mail me if an agreement appears in Alamance County"
				: "Avíseme por correo si aparece un acuerdo en Alamance County");
		instead.click();

		// Follow: the address, the mailed link, the button.
		browser.findElement(By.id("alert-email")).sendKeys(email);
		follow(this.person, By.cssSelector("form.alert-form button[type=submit]"));
		assertThat(h1(browser)).isEqualTo(english ? "Check your e-mail" : "Revise su correo");
		browser.get(mailedLink(email, "/alerts/confirm?token="));
		checked(browser);
		follow(this.person, By.cssSelector("main form button[type=submit]"));
		assertThat(h1(browser)).isEqualTo(english ? "You will hear from us" : "Le avisaremos");
		follow(this.person, By.cssSelector("main a[href='/campaigns?state=NC']"));
	}

	private void approveAsStaff(String name) {
		WebDriver browser = this.staff.driver();
		String email = "staff-" + System.nanoTime() + "@example.org";
		this.accounts.admin(email, "Rosa Staff");
		((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
		browser.get(url("/sign-in?lang=en"));
		browser.findElement(By.id("email")).sendKeys(email);
		follow(this.staff, By.cssSelector("form.accounts-form button[type=submit]"));
		browser.get(new QueuedMail(this.jdbc, this.cipher, this.index).last(email, "sign-in-link").link());
		follow(this.staff, By.cssSelector(".sign-in-link button[type=submit]"));
		browser.get(url("/account/passkeys"));
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("label")));
		browser.findElement(By.id("label")).sendKeys("Phone");
		browser.findElement(By.cssSelector("form[data-passkey-register] button[type=submit]")).click();
		wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".form-notice")));
		// Signed out (the phone's menu holds the button): the passkey stays in the
		// authenticator.
		browser.manage().deleteAllCookies();
		browser.get(url("/sign-in"));
		wait(browser)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-passkey-sign-in] button")));
		browser.findElement(By.cssSelector("[data-passkey-sign-in] button")).click();
		wait(browser).until(ExpectedConditions.urlToBe(url("/admin")));
		checked(browser);
		follow(this.staff, By.cssSelector(".staff-waiting a[href='/admin/leaders']"));
		checked(browser);
		follow(this.staff, By.xpath("//button[normalize-space()='Approve " + name + "']"));
		checked(browser);
	}

	/**
	 * The first link in the address's mail that contains the text, sending what waits.
	 */
	private String mailedLink(String email, String part) {
		return link(mail(email, part).orElseThrow(() -> new AssertionError("No mail to " + email + " with " + part)),
				part);
	}

	private Optional<MimeMessage> mail(String email, String part) {
		for (int round = 0; round < 50; round++) {
			Optional<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages())
				.filter((message) -> to(message, email) && text(message).contains(part))
				.reduce((first, second) -> second);
			if (found.isPresent()) {
				return found;
			}
			OutboxDriver.pollOnce(this.context);
		}
		return Optional.empty();
	}

	private static boolean to(MimeMessage message, String email) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((to) -> to.toString().equalsIgnoreCase(email));
		}
		catch (jakarta.mail.MessagingException ex) {
			return false;
		}
	}

	private static String link(MimeMessage message, String part) {
		Matcher links = LINK.matcher(text(message));
		while (links.find()) {
			if (links.group().contains(part)) {
				return links.group();
			}
		}
		throw new AssertionError("No link with " + part + " in " + text(message));
	}

	/**
	 * The message's text, decoded (a Spanish mail may travel in base64 or
	 * quoted-printable).
	 */
	private static String text(MimeMessage message) {
		try {
			return text(message.getContent());
		}
		catch (jakarta.mail.MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object content) throws jakarta.mail.MessagingException, java.io.IOException {
		if (content instanceof jakarta.mail.Multipart parts) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < parts.getCount(); i++) {
				text.append(text(parts.getBodyPart(i).getContent())).append('\n');
			}
			return text.toString();
		}
		return String.valueOf(content);
	}

	private void follow(Chromium browser, By target) {
		follow(browser, browser.driver().findElement(target));
	}

	private void follow(Chromium browser, WebElement target) {
		browser.clickAndWaitForNextPage(target);
		checked(browser.driver());
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

	private static WebDriverWait wait(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	private static String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	private static Chromium phone() throws Exception {
		Chromium chromium = Chromium.start("--hide-scrollbars", "--window-size=390,844");
		chromium.driver()
			.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		return chromium;
	}

}
