package org.end287g.accounts.internal;

import java.time.Duration;

import org.end287g.Chromium;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in for real in Chromium: by a link from the outbox, in English and Spanish, and
 * with a passkey held by Chrome's virtual authenticator. WebAuthn checks the page's
 * origin, so the server runs on a port chosen before it starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInBrowserTests {

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
	AccountService accounts;

	@Autowired
	AccountStore store;

	QueuedMail mail;

	WebDriver browser;

	Chromium chromium;

	@BeforeEach
	void start() throws Exception {
		this.chromium = Chromium.start();
		this.browser = this.chromium.driver();
		this.mail = new QueuedMail(this.jdbc, this.cipher, this.index);
	}

	@AfterEach
	void stop() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	String url(String path) {
		return "http://localhost:" + PORT + path;
	}

	void waitFor(By element) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(element));
	}

	String h1() {
		return this.browser.findElement(By.tagName("h1")).getText();
	}

	/**
	 * Asks for a link on /sign-in, opens it from the outbox and presses the button; the
	 * person lands on {@code landing}.
	 */
	void signInByLink(String email, String language, String landing) {
		this.browser.get(url("/sign-in?lang=" + language));
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.cssSelector("form.accounts-form button[type=submit]")).click();
		waitFor(By.cssSelector(".sign-in-sent"));
		this.browser.get(this.mail.last(email, "sign-in-link").link());
		this.browser.findElement(By.cssSelector(".sign-in-link button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url(landing)));
	}

	@Test
	void signsInByLinkInEnglish() {
		String email = SignedIn.newEmail();
		this.accounts.invite("test-admin", email, "Rosa", "en",
				new RoleRequest(Roles.LEADER, null, TestCampaigns.id(this.jdbc, 71)));
		signInByLink(email, "en", "/leader/campaigns/" + TestCampaigns.id(this.jdbc, 71));
		assertThat(h1()).isEqualTo("Your campaign: Test Campaign 71");
		this.browser.findElement(By.linkText("Your account")).click();
		assertThat(h1()).isEqualTo("Your account");
		Cookie session = this.browser.manage().getCookieNamed("END287G_SESSION");
		assertThat(session.isSecure()).isTrue();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		this.browser.findElement(By.linkText("Your sessions")).click();
		assertThat(h1()).isEqualTo("Your sessions");
		String table = this.browser.findElement(By.cssSelector("table.sessions-table")).getText();
		assertThat(table).contains("This device").contains("New device").contains("Chrome").contains("e-mail link");
		assertThat(this.mail.to(email, "new-sign-in")).hasSize(1);
	}

	@Test
	void signsInByLinkInSpanish() {
		String email = SignedIn.newEmail();
		this.accounts.invite("test-admin", email, "Rosa", "es",
				new RoleRequest(Roles.LEADER, null, TestCampaigns.id(this.jdbc, 72)));
		this.browser.get(url("/sign-in?lang=es"));
		assertThat(h1()).isEqualTo("Iniciar sesión");
		signInByLink(email, "es", "/leader/campaigns/" + TestCampaigns.id(this.jdbc, 72));
		this.browser.findElement(By.linkText("Su cuenta")).click();
		assertThat(h1()).isEqualTo("Su cuenta");
		this.browser.findElement(By.linkText("Sus sesiones")).click();
		assertThat(this.browser.findElement(By.cssSelector("table.sessions-table")).getText())
			.contains("Este dispositivo")
			.contains("enlace por correo");
		// The same link a second time: refused, in Spanish.
		this.browser.get(this.mail.last(email, "sign-in-link").link());
		this.browser.findElement(By.cssSelector(".sign-in-link button[type=submit]")).click();
		waitFor(By.id("link-error"));
		assertThat(this.browser.findElement(By.id("link-error")).getText())
			.isEqualTo("Este enlace para iniciar sesión venció o ya se usó. Pida uno nuevo.");
	}

	@Test
	void anAdminAddsAPasskeyAndUsesItToReachTheAdminPages() {
		String email = SignedIn.newEmail();
		Account admin = this.store
			.byId(this.accounts.invite("system", email, "Admin Ana", "en", new RoleRequest(Roles.ADMIN, null, null))
				.accountId())
			.orElseThrow();
		VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) this.browser).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));

		signInByLink(email, "en", "/account");
		this.browser.get(url("/admin/accounts"));
		assertThat(h1()).isEqualTo("Admin pages need a passkey");
		this.browser.findElement(By.partialLinkText("Add a passkey")).click();

		assertThat(h1()).isEqualTo("Your passkeys");
		waitFor(By.id("label"));
		this.browser.findElement(By.id("label")).sendKeys("Virtual key");
		this.browser.findElement(By.cssSelector("form[data-passkey-register] button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".form-notice"), "passkey is added"));
		assertThat(this.browser.findElement(By.cssSelector("table.passkeys-table")).getText()).contains("Virtual key");
		assertThat(authenticator.getCredentials()).hasSize(1);

		this.browser.findElement(By.cssSelector("form.sign-out button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url("/")));
		this.browser.get(url("/sign-in"));
		waitFor(By.cssSelector("[data-passkey-sign-in] button"));
		this.browser.findElement(By.cssSelector("[data-passkey-sign-in] button")).click();
		// staff land on the staff home
		new WebDriverWait(this.browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url("/admin")));
		assertThat(h1()).isEqualTo("Staff home");

		this.browser.get(url("/admin/accounts"));
		assertThat(h1()).isEqualTo("Accounts");
		assertThat(this.browser.getPageSource()).contains(email);
		this.browser.get(url("/account/sessions"));
		assertThat(this.browser.findElement(By.cssSelector("table.sessions-table")).getText()).contains("passkey");
		assertThat(this.jdbc.sql("SELECT details FROM audit_log WHERE action = 'sign-in' AND actor = ? ORDER BY id")
			.param(admin.id())
			.query(String.class)
			.list()).hasSize(2).last().asString().startsWith("method=passkey");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'passkey.add' AND actor = ?")
			.param(admin.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void withoutWebAuthnThePasskeyButtonStaysHidden() {
		((ChromeDriver) this.browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				java.util.Map.of("source", "delete window.PublicKeyCredential;"));
		this.browser.get(url("/sign-in"));
		assertThat(this.browser.findElement(By.cssSelector("[data-passkey-sign-in]")).isDisplayed()).isFalse();
		assertThat(this.browser.findElement(By.id("email")).isDisplayed()).isTrue();
	}

}
