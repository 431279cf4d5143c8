package org.end287g.decide.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.end287g.Chromium;
import org.end287g.decide.DecideTables;
import org.end287g.notifications.TestSmtp;
import org.end287g.tracker.TrackerFixture;
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
 * A candidate's path in Chromium without JavaScript: the questionnaire arrives over real
 * SMTP (GreenMail); its link opens the form, the candidate answers Yes with a statement,
 * and the county's election page shows the answer beside the other candidate's.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "end287g.site.base-url=https://end287g.test")
class PledgeBrowserTests {

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
	Questionnaire questionnaire;

	@Autowired
	ApplicationContext context;

	Chromium chromium;

	@BeforeEach
	void setUp() throws Exception {
		DecideTables.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.chromium = Chromium.start("--blink-settings=scriptEnabled=false");
	}

	@AfterEach
	void tearDown() {
		DecideTables.clear(this.jdbc);
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	long candidate(long election, String name, String email) {
		this.jdbc.sql("""
				insert into decide_candidates (election_id, name, name_key, email, source_title, source_url, created_at)
				values (?, ?, lower(?), ?, 'NCSBE', 'https://www.ncsbe.gov', current_timestamp)""")
			.params(election, name, name, email)
			.update();
		return this.jdbc.sql("select max(id) from decide_candidates").query(Long.class).single();
	}

	@Test
	void aCandidateAnswersTheQuestionnaireFromTheMailedLink() throws Exception {
		this.jdbc.sql("""
				insert into decide_offices (kind, name, state, county_fips, agency_slug, office_key, created_at)
				values ('SHERIFF', 'Gaston County Sheriff', 'NC', '37071', ?, 'gaston-sheriff', current_timestamp)""")
			.param(TrackerFixture.GASTON)
			.update();
		this.jdbc.sql("""
				insert into decide_elections (office_id, general_date, source_title, source_url, checked_on, created_at)
				select id, ?, 'NCSBE', 'https://www.ncsbe.gov', current_date, current_timestamp from decide_offices""")
			.param(LocalDate.now(ZoneOffset.UTC).plusDays(60))
			.update();
		long election = this.jdbc.sql("select id from decide_elections").query(Long.class).single();
		String email = "ana-" + System.nanoTime() + "@ruizforsheriff.org";
		long ana = candidate(election, "Ana Ruiz", email);
		candidate(election, "Bob Stone", "bob-" + System.nanoTime() + "@stoneforsheriff.org");
		assertThat(this.questionnaire.send("staff", ana)).isEqualTo("decide.pledge.ask.sent");

		MimeMessage message = TestSmtp.receivedBy(smtp, this.context, email);
		assertThat(message.getSubject()).isEqualTo(
				"Questionnaire for the candidates for Gaston County Sheriff / Cuestionario para los candidatos a Gaston County Sheriff");
		Matcher link = Pattern.compile("https://end287g\\.test(/pledge\\?token=\\S+)").matcher(text(message));
		assertThat(link.find()).isTrue();

		WebDriver browser = this.chromium.driver();
		browser.get("http://localhost:" + this.port + link.group(1));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Candidate questionnaire");
		assertThat(browser.getPageSource()).contains("Ana Ruiz, candidate for Gaston County Sheriff",
				"we endorse no one");
		browser.findElement(By.id("answer-yes")).click();
		browser.findElement(By.id("statement")).sendKeys("I will end the agreement on my first day.");
		browser.findElement(By.cssSelector("form.accounts-form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Your answer is published"));
		assertThat(browser.findElement(By.id("answer-yes")).isSelected()).isTrue();
		browser.findElement(By.linkText("See every candidate's answer")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBe(By.tagName("h1"), "Elections in Gaston County, NC"));
		String ana2 = browser.findElement(By.id("candidate-" + ana)).getText();
		assertThat(ana2).contains("Ana Ruiz", "Yes", "I will end the agreement on my first day.", "Our questionnaire");
		assertThat(browser.findElement(By.cssSelector("table.pledges")).getText()).contains("Bob Stone", "No answer");
	}

	static String text(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof Multipart multipart) {
			return text(multipart.getBodyPart(0));
		}
		return (String) content;
	}

}
