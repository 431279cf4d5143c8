package org.end287g.accounts.internal;

import java.time.Duration;

import org.end287g.Chromium;
import org.end287g.SiteAddress;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.Roles;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.TestSmtp;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site started on a port of its own, with nothing else set: mailed links and passkeys
 * follow the port (once they stayed on 8080, and adding a passkey failed with a server
 * error). Opened at another address of the machine, the passkey page says where passkeys
 * work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyOnAnyPortBrowserTests {

	static final int PORT = TestSmtp.freePort();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@Autowired
	SiteAddress site;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	AccountService accounts;

	WebDriver browser;

	Chromium chromium;

	@BeforeEach
	void start() throws Exception {
		this.chromium = Chromium.start();
		this.browser = this.chromium.driver();
		((HasVirtualAuthenticator) this.browser).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
	}

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void mailedLinksAndPasskeysWorkOnThePortTheSiteIsServedOn() {
		assertThat(this.site.baseUrl()).isEqualTo("http://localhost:" + PORT);
		String origin = "http://localhost:" + PORT;
		String link = signInByLink(origin, 73);
		assertThat(link).startsWith(origin + "/sign-in/link?token=");
		assertThat(addPasskey(origin, ".form-notice")).isEqualTo("The passkey is added. Next time, sign in with it.");
	}

	@Test
	void anotherAddressOfThisMachineIsToldWherePasskeysWork() {
		String origin = "http://127.0.0.1:" + PORT;
		signInByLink(origin, 74);
		this.browser.get(origin + "/account/passkeys?lang=es");
		assertThat(addPasskey(origin, "[data-passkey-error]"))
			.isEqualTo("Las llaves de acceso solo funcionan en la dirección propia de este sitio (http://localhost:"
					+ PORT + "). Abra el sitio allí e inténtelo de nuevo.");
	}

	/**
	 * Signs a new leader in at the origin with a link from the outbox (opened at that
	 * origin); the link as mailed.
	 */
	private String signInByLink(String origin, int campaign) {
		String email = SignedIn.newEmail();
		this.accounts.invite("test-admin", email, "Rosa", "en",
				new RoleRequest(Roles.LEADER, null, TestCampaigns.id(this.jdbc, campaign)));
		this.browser.get(origin + "/sign-in");
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.cssSelector("form.accounts-form button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".sign-in-sent")));
		String link = new QueuedMail(this.jdbc, this.cipher, this.index).last(email, "sign-in-link").link();
		this.browser.get(origin + link.substring(link.indexOf("/sign-in/link")));
		this.browser.findElement(By.cssSelector(".sign-in-link button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.urlContains(origin + "/leader/campaigns/"));
		return link;
	}

	/**
	 * Adds a passkey on the passkeys page of the origin; the text the page then shows.
	 */
	private String addPasskey(String origin, String shown) {
		if (!this.browser.getCurrentUrl().startsWith(origin + "/account/passkeys")) {
			this.browser.get(origin + "/account/passkeys");
		}
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("label")));
		this.browser.findElement(By.id("label")).sendKeys("Virtual key");
		this.browser.findElement(By.cssSelector("form[data-passkey-register] button[type=submit]")).click();
		return new WebDriverWait(this.browser, Duration.ofSeconds(20)).until((driver) -> {
			String text = driver.findElement(By.cssSelector(shown)).getText();
			return text.isBlank() ? null : text;
		});
	}

}
