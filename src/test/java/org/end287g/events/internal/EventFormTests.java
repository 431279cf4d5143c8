package org.end287g.events.internal;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.end287g.Staff;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Bad input in the organisers' event form: empty, huge, malformed, hostile and duplicate
 * values each end in a translated message next to the field, a 400, and no event saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	EventFixture fixture;

	@BeforeEach
	void clean() {
		this.fixture = new EventFixture(this.mvc, this.jdbc).clear();
	}

	@AfterEach
	void cleanUp() {
		this.fixture.clear();
	}

	/** Posts a valid form changed by {@code change}; expects a 400 with the message. */
	void refused(Consumer<Map<String, String>> change, String field, String message) throws Exception {
		refused(change, field, message, "en");
	}

	void refused(Consumer<Map<String, String>> change, String field, String message, String language) throws Exception {
		Map<String, String> form = EventFixture.form("A valid title");
		change.accept(form);
		MockHttpServletResponse response = this.mvc
			.perform(EventFixture.posting("/admin/events", form).param("lang", language).with(Staff.admin()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(field + ": " + message).isEqualTo(400);
		String html = response.getContentAsString();
		assertThat(html).as(field).contains("id=\"" + field + "-error\"").contains(message);
		assertThat(html).as("linked from the summary").contains("href=\"#" + field + "\"");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		assertThat(this.fixture.count()).as("nothing saved").isZero();
	}

	@Test
	void emptyFieldsAreNamed() throws Exception {
		refused((f) -> f.put("titleEn", "  "), "titleEn", "Enter a title in English.");
		refused((f) -> f.put("descriptionEn", ""), "descriptionEn", "Enter a description in English.");
		refused((f) -> f.remove("startDate"), "startDate", "Enter the start date.");
		refused((f) -> f.put("endTime", ""), "endTime", "Enter the end time.");
		refused((f) -> f.put("capacity", ""), "capacity", "Enter how many people can attend.");
		refused((f) -> f.put("timeZone", ""), "timeZone", "Choose the time zone of the event.");
		refused((f) -> f.put("onlineUrl", ""), "onlineUrl", "Enter the link to join an online event.");
		refused((f) -> EventFixture.inPerson(f).put("address", ""), "address",
				"Enter the address of an in-person event.");
		refused((f) -> EventFixture.inPerson(f).put("zip", ""), "zip", "Enter the ZIP code of an in-person event.");
	}

	@Test
	void hugeValuesAreRefused() throws Exception {
		String huge = "x".repeat(10_000);
		refused((f) -> f.put("titleEn", huge), "titleEn", "The title can have at most 200 characters.");
		refused((f) -> f.put("titleEs", huge), "titleEs", "The title can have at most 200 characters.");
		refused((f) -> f.put("descriptionEn", huge + "y"), "descriptionEn",
				"The description can have at most 10,000 characters.");
		refused((f) -> f.put("speakers", huge), "speakers", "The list of speakers can have at most 2,000 characters.");
		refused((f) -> f.put("partners", huge), "partners", "The list of partners can have at most 2,000 characters.");
		refused((f) -> f.put("onlineUrl", "https://example.org/" + huge), "onlineUrl",
				"The link can have at most 500 characters.");
		refused((f) -> f.put("capacity", "99999999999999999999"), "capacity", "The capacity can be at most 100,000.");
		refused((f) -> f.put("questions", "Q?\n".repeat(6)), "questions", "Ask at most 5 questions.");
	}

	@Test
	void malformedValuesAreRefused() throws Exception {
		refused((f) -> f.put("timeZone", "America/Atlantis"), "timeZone",
				"That time zone does not exist. Choose one from the list.");
		refused((f) -> f.put("timeZone", "EST5EDT; drop table events"), "timeZone",
				"That time zone does not exist. Choose one from the list.");
		refused((f) -> {
			f.put("endDate", f.get("startDate"));
			f.put("endTime", "16:00");
		}, "endDate", "The end must come after the start.");
		refused((f) -> {
			f.put("endDate", f.get("startDate"));
			f.put("endTime", f.get("startTime"));
		}, "endDate", "El fin debe ser posterior al inicio.", "es");
		refused((f) -> f.put("capacity", "0"), "capacity", "The capacity must be at least 1.");
		refused((f) -> f.put("capacity", "-5"), "capacity", "The capacity must be at least 1.");
		refused((f) -> f.put("capacity", "ten"), "capacity", "Enter the capacity as a whole number, e.g. 100.");
		refused((f) -> f.put("capacity", "1.5"), "capacity", "Enter the capacity as a whole number, e.g. 100.");
		refused((f) -> f.put("startDate", "2026-02-30"), "startDate",
				"Enter the start date as year-month-day, e.g. 2026-11-12.");
		refused((f) -> f.put("startTime", "25:00"), "startTime", "Enter the start time as hours:minutes, e.g. 17:00.");
		refused((f) -> {
			f.put("startDate", "2020-01-01");
			f.put("endDate", "2020-01-01");
		}, "startDate", "The start must be in the future.");
		refused((f) -> f.put("endDate",
				LocalDateTime.parse(f.get("startDate") + "T00:00").plusDays(40).toLocalDate().toString()), "endDate",
				"An event can last at most 31 days.");
		// 2:30 AM on the day clocks spring forward does not exist in New York
		refused((f) -> {
			f.put("startDate", "2027-03-14");
			f.put("startTime", "02:30");
			f.put("endDate", "2027-03-14");
			f.put("endTime", "04:00");
		}, "startTime", "That time does not exist on that day");
		refused((f) -> f.put("kind", "TELEPATHY"), "kind", "Choose online, in person, or both.");
		refused((f) -> f.put("onlineUrl", "javascript:alert(1)"), "onlineUrl",
				"Enter a web address starting with https://.");
		refused((f) -> f.put("onlineUrl", "meet example"), "onlineUrl", "Enter a web address starting with https://.");
		refused((f) -> EventFixture.inPerson(f).put("zip", "2805"), "zip",
				"A ZIP code has exactly five digits, such as 28052.");
		refused((f) -> EventFixture.inPerson(f).put("zip", "00000"), "zip",
				"We do not know that ZIP code. Check it and try again.");
		refused((f) -> f.put("speakers", "Name | Role | Org | Extra"), "speakers",
				"Write one speaker per line as name | role | organization");
		refused((f) -> f.put("campaigns", "no-such-campaign"), "campaigns", "We do not know one of these campaigns.");
		refused((f) -> f.put("campaigns", "DROP TABLE;"), "campaigns", "We do not know one of these campaigns.");
		refused((f) -> f.put("titleEn", "Bell\u0007 title"), "titleEn", "The title contains characters we cannot use.");
	}

	@Test
	void spanishQuestionsPairUpWithTheEnglishOnes() throws Exception {
		refused((f) -> {
			f.put("questions", "Do you need childcare?\nWhich language do you prefer?");
			f.put("questionsEs", "¿Necesita cuidado de niños?");
		}, "questionsEs", "Give one Spanish line for each of the 2 English questions, in the same order");
		refused((f) -> {
			f.put("questions", "Do you need childcare?\nWhich language do you prefer?");
			f.put("questionsEs", "¿Necesita cuidado de niños?");
		}, "questionsEs", "Escriba una línea en español por cada una de las 2 preguntas en inglés", "es");
		refused((f) -> f.put("questionsEs", "¿Necesita cuidado de niños?"), "questionsEs",
				"Write the questions in English first");
		refused((f) -> {
			f.put("questions", "Q?");
			f.put("questionsEs", "x".repeat(3_000));
		}, "questionsEs", "The Spanish questions can have at most 2,000 characters.");
		refused((f) -> {
			f.put("questions", "Q?");
			f.put("questionsEs", "¿P?\u0007");
		}, "questionsEs", "Each Spanish question takes one line of at most 200 characters.");
		refused((f) -> {
			f.put("questions", "Q?");
			f.put("questionsEs", "¿" + "p".repeat(300) + "?");
		}, "questionsEs", "Each Spanish question takes one line of at most 200 characters.");
		refused((f) -> {
			f.put("questions", "Q?\n".repeat(5));
			f.put("questionsEs", "¿P?\n".repeat(6));
		}, "questionsEs", "Ask at most 5 questions in Spanish");
	}

	@Test
	void registrantsReadTheQuestionsInTheirLanguage() throws Exception {
		Map<String, String> form = EventFixture.form("Training night");
		form.put("questions", "Do you need childcare?\nWhich language do you prefer? <b>bold</b>");
		form.put("questionsEs", "¿Necesita cuidado de niños?\r\n¿Qué idioma prefiere? <b>negrita</b>");
		String slug = this.fixture.published(form);
		String english = this.mvc.perform(get("/events/" + slug)).andReturn().getResponse().getContentAsString();
		assertThat(english).contains(">Do you need childcare?</label>", "Which language do you prefer? &lt;b&gt;")
			.doesNotContain("Necesita");
		String spanish = this.mvc.perform(get("/events/" + slug).param("lang", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(spanish)
			.contains("lang=\"es\">¿Necesita cuidado de niños?</label>", "¿Qué idioma prefiere? &lt;b&gt;")
			.doesNotContain("childcare");
		assertThat(AccessibleHtml.problems(spanish)).isEmpty();
		// the organiser sees both again when editing
		long id = this.fixture.id(slug);
		String edit = this.mvc.perform(get("/admin/events/" + id).with(Staff.admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(edit).contains("¿Necesita cuidado de niños?\n¿Qué idioma prefiere?");
		assertThat(AccessibleHtml.problems(edit)).isEmpty();

		// without Spanish questions, a Spanish reader gets the English ones, marked as
		// English
		Map<String, String> englishOnly = EventFixture.form("Second night");
		englishOnly.put("questions", "Do you need childcare?");
		String other = this.fixture.published(englishOnly);
		assertThat(this.mvc.perform(get("/events/" + other).param("lang", "es"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("lang=\"en\">Do you need childcare?</label>");
	}

	@Test
	void hostileTextIsStoredAsWordsAndShownEscaped() throws Exception {
		Map<String, String> form = EventFixture.form("<script>alert(1)</script> '; drop table events; -- ✊🏽");
		form.put("titleEs", "مرحبا بالعالم \u202Eevil");
		form.put("descriptionEn", "<img src=x onerror=alert(1)>\n\n\"quoted\" & more");
		String slug = this.fixture.published(form);
		String page = this.mvc.perform(get("/events/" + slug)).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("<script>alert(1)</script>", "<img src=x")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; &#39;; drop table events; -- ✊🏽")
			.contains("&lt;img src=x onerror=alert(1)&gt;");
		assertThat(this.jdbc.sql("select title_en from events").query(String.class).single())
			.isEqualTo("<script>alert(1)</script> '; drop table events; -- ✊🏽");
		assertThat(this.jdbc.sql("select title_es from events").query(String.class).single())
			.isEqualTo("مرحبا بالعالم \u202Eevil");
		assertThat(slug).matches("[a-z0-9-]+");
	}

	@Test
	void theSameEventSavedAtOnceByManyOrganisersGetsOneAddressEach() throws Exception {
		int organisers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(organisers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Long>> created = new ArrayList<>();
			for (int i = 0; i < organisers; i++) {
				created.add(pool.submit(() -> {
					start.await();
					return this.fixture.create(EventFixture.form("Know your rights"));
				}));
			}
			start.countDown();
			Set<String> slugs = new HashSet<>();
			for (Future<Long> id : created) {
				slugs.add(this.fixture.slug(id.get(30, TimeUnit.SECONDS)));
			}
			String first = "know-your-rights-"
					+ LocalDateTime.now(EventFixture.NEW_YORK).plusDays(7).truncatedTo(ChronoUnit.DAYS).toLocalDate();
			assertThat(slugs).containsExactlyInAnyOrder(first, first + "-2", first + "-3", first + "-4", first + "-5",
					first + "-6");
			assertThat(this.fixture.count()).isEqualTo(organisers);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theSameEventTwiceGetsTwoAddresses() throws Exception {
		long first = this.fixture.create(EventFixture.form("Know your rights"));
		long second = this.fixture.create(EventFixture.form("Know your rights"));
		assertThat(this.fixture.slug(second)).isEqualTo(this.fixture.slug(first) + "-2");
		LocalDateTime start = LocalDateTime.now(EventFixture.NEW_YORK).plusDays(7).truncatedTo(ChronoUnit.DAYS);
		assertThat(this.fixture.slug(first)).isEqualTo("know-your-rights-" + start.toLocalDate());
	}

}
