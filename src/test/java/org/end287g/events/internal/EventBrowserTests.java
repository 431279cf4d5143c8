package org.end287g.events.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.end287g.Chromium;
import org.end287g.notifications.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's path in Chromium without JavaScript: find the event in the list, open it,
 * register; the confirmation arrives over real SMTP (GreenMail) with the calendar file,
 * which ical4j reads back with the right time.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "end287g.site.base-url=https://end287g.test")
class EventBrowserTests {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventStore events;

	@Autowired
	ApplicationContext context;

	Chromium chromium;

	@BeforeEach
	void setUp() throws Exception {
		if (!smtp.isRunning()) {
			smtp = TestSmtp.start(PORT);
		}
		new EventFixture(null, this.jdbc).clear();
		this.chromium = Chromium.start("--blink-settings=scriptEnabled=false");
	}

	@AfterEach
	void tearDown() {
		if (this.chromium != null) {
			this.chromium.close();
		}
		new EventFixture(null, this.jdbc).clear();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void aVisitorFindsTheWebinarRegistersAndGetsTheConfirmationWithACalendarFile() throws Exception {
		LocalDateTime start = LocalDateTime.now(EventFixture.NEW_YORK)
			.plusDays(10)
			.truncatedTo(ChronoUnit.DAYS)
			.withHour(17);
		EventForm.Draft draft = EventFixture
			.draft(EventFixture.form("Ending 287(g) in North Carolina", start, start.plusMinutes(90)), Instant.now());
		long id = this.events.create(draft, null, List.of(), "test", Instant.now());
		this.events.publish(id, Instant.now());

		WebDriver browser = this.chromium.driver();
		browser.get("http://localhost:" + this.port + "/");
		browser.findElement(By.linkText("Events")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Events");
		browser.findElement(By.linkText("Ending 287(g) in North Carolina")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ending 287(g) in North Carolina");
		assertThat(browser.getPageSource()).contains("5 PM ET / 4 PM CT / 2 PM PT");
		String email = "visitor-" + System.nanoTime() + "@example.org";
		browser.findElement(By.id("name")).sendKeys("Rosa Martínez");
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("zip")).sendKeys("28052");
		browser.findElement(By.cssSelector("form.accounts-form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), "Check your e-mail"));

		MimeMessage message = receivedBy(email);
		assertThat(message.getSubject()).isEqualTo("You are registered: Ending 287(g) in North Carolina");
		Multipart parts = (Multipart) message.getContent();
		String text = null;
		String calendar = null;
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.getContent() instanceof Multipart inner) {
				text = (String) inner.getBodyPart(0).getContent();
			}
			else if (part.getContentType().startsWith("text/calendar")) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				part.getInputStream().transferTo(bytes);
				calendar = bytes.toString(StandardCharsets.UTF_8);
				assertThat(part.getFileName()).endsWith(".ics");
			}
			else {
				text = (String) part.getContent();
			}
		}
		assertThat(text).contains("Hello Rosa Martínez,", "https://meet.example.org/end287g",
				"https://end287g.test/events/");
		assertThat(calendar).isNotNull();
		Calendar parsed = EventCalendarTests.parse(calendar);
		parsed.validate();
		VEvent event = (VEvent) parsed.getComponents(Component.VEVENT).get(0);
		assertThat(EventCalendarTests.start(event)).isEqualTo(start.atZone(EventFixture.NEW_YORK).toInstant());
		assertThat(EventCalendarTests.value(event, Property.UID)).endsWith("@end287g.test");
	}

	MimeMessage receivedBy(String email) {
		return TestSmtp.receivedBy(smtp, this.context, email);
	}

}
