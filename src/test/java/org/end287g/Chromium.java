package org.end287g;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless chromium driven by its chromedriver, with a fresh profile and no
 * network of its own. Outside CI a missing chromedriver skips the test with a message;
 * under CI=true it fails, so a missing install step cannot hide behind a green run.
 */
public final class Chromium implements AutoCloseable {

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private final Path profile;

	private final ChromeDriver driver;

	private Chromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/** Starts the browser, with extra command-line arguments (a window size...). */
	/**
	 * Serves the site under test on this port, with the passkey origin and the base URL
	 * of mailed links that a browser on that port needs.
	 */
	public static void servedAt(DynamicPropertyRegistry registry, int port) {
		registry.add("server.port", () -> port);
		registry.add("end287g.webauthn.allowed-origins", () -> "http://localhost:" + port);
		registry.add("end287g.site.base-url", () -> "http://localhost:" + port);
	}

	public static Chromium start(String... extraArguments) throws IOException {
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(CHROMEDRIVER.canExecute(),
					"Browser test skipped: /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)");
		}
		Path profile = Files.createTempDirectory("end287g-chrome");
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + profile)
			.addArguments(extraArguments);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		return new Chromium(profile, new ChromeDriver(service, options));
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Clicks what submits a form or follows a link, and waits (up to 20 s) until the
	 * browser has left the page. While the old page is torn down, chromedriver may answer
	 * "node does not belong to the document" instead of a stale element: both mean gone.
	 */
	public void clickAndWaitForNextPage(WebElement target) {
		WebElement old = this.driver.findElement(By.tagName("html"));
		target.click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).until((browser) -> {
			try {
				old.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException gone) {
				return true;
			}
			catch (WebDriverException tornDown) {
				String message = tornDown.getMessage();
				if (message != null && message.contains("does not belong to the document")) {
					return true;
				}
				throw tornDown;
			}
		});
	}

	@Override
	public void close() {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.profile.toFile());
	}

}
