package org.end287g.site;

import java.util.List;

import org.end287g.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content pages in a real browser on a 320 px wide phone: no sideways scrolling, and
 * the skip link shows with a visible focus ring when a keyboard user presses Tab.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NarrowScreenBrowserTests {

	private static Chromium chromium;

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void openBrowser() throws Exception {
		chromium = Chromium.start("--hide-scrollbars", "--window-size=320,800");
		browser = chromium.driver();
		browser.manage().window().setSize(new Dimension(320, 800));
	}

	@AfterAll
	static void closeBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void pagesFitA320PixelScreenInBothLanguages() {
		for (String page : List.of("/what-is-287g", "/about", "/data", "/no-such-page")) {
			for (String language : List.of("en", "es")) {
				browser.get("http://localhost:" + this.port + page + "?lang=" + language);
				assertThat(script("return window.innerWidth")).isEqualTo(320L);
				Object overflow = script("return document.documentElement.scrollWidth - window.innerWidth");
				assertThat(((Number) overflow).intValue()).as(page + " in " + language).isLessThanOrEqualTo(0);
			}
		}
	}

	@Test
	void skipLinkAppearsWithAFocusRing() {
		browser.get("http://localhost:" + this.port + "/what-is-287g?lang=en");
		new Actions(browser).sendKeys(Keys.TAB).perform();
		WebElement focused = browser.switchTo().activeElement();
		assertThat(focused.getAttribute("class")).isEqualTo("skip-link");
		assertThat(focused.getRect().getX()).isGreaterThanOrEqualTo(0);
		assertThat(script("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
		assertThat(script("return getComputedStyle(document.activeElement).outlineWidth")).isEqualTo("3px");
	}

	private Object script(String javascript) {
		return ((JavascriptExecutor) browser).executeScript(javascript);
	}

}
