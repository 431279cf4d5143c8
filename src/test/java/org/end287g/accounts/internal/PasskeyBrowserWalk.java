package org.end287g.accounts.internal;

import java.time.Duration;

import org.end287g.Chromium;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.Roles;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.internal.AccountService.RoleRequest;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A browser with a virtual passkey authenticator, and the steps the passkey browser tests
 * share: a new leader signed in by a mailed link at an origin, a passkey added there.
 */
abstract class PasskeyBrowserWalk {

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

	/**
	 * Signs a new leader in at the origin with a link from the outbox (opened at that
	 * origin); the link as mailed.
	 */
	String signInByLink(String origin, int campaign) {
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
	String addPasskey(String origin, String shown) {
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
