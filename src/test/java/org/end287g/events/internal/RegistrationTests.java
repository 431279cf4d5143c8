package org.end287g.events.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.Staff;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.PersonalDataHolder;
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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registering: sealed data, one registration per person after normalisation, the
 * confirmation with its calendar file, capacity and the waiting line (also under
 * concurrency), cancelling by the mailed link, check-in, the CSV export and forgetting.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegistrationTests {

	private static final Pattern MANAGE = Pattern
		.compile("http://localhost:8080(/events/[a-z0-9-]+/registration/\\S+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	Registrations registrations;

	@Autowired
	List<PersonalDataHolder> holders;

	QueuedMail mail;

	EventFixture fixture;

	@BeforeEach
	void clean() {
		this.fixture = new EventFixture(this.mvc, this.jdbc).clear();
		this.mail = new QueuedMail(this.jdbc, this.cipher, this.index);
	}

	@AfterEach
	void cleanUp() {
		this.fixture.clear();
	}

	@Test
	void registeringSealsTheDataAndMailsAConfirmationWithTheCalendarFileAndTheLink() throws Exception {
		String slug = this.fixture.published(EventFixture.form("Know your rights webinar"));
		String email = SignedIn.newEmail();
		Map<String, String> form = EventFixture.registration(email);
		form.put("phone", "+1 (704) 555-0100");
		MockHttpServletResponse response = this.fixture.register(slug, form);
		assertThat(response.getRedirectedUrl()).isEqualTo("/events/" + slug + "/registered");
		String page = this.mvc.perform(get(response.getRedirectedUrl())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Check your e-mail");
		assertThat(AccessibleHtml.problems(page)).isEmpty();

		Map<String, Object> row = this.jdbc.sql("select * from event_registrations").query().singleRow();
		assertThat(row.get("status")).isEqualTo("REGISTERED");
		assertThat(new String((byte[]) row.get("name_sealed"), StandardCharsets.ISO_8859_1)).doesNotContain("Ana");
		assertThat(this.cipher.open((byte[]) row.get("email_sealed"), "event_registrations.email")).isEqualTo(email);
		assertThat(row).doesNotContainKey("supporter_id");
		assertThat(this.jdbc
			.sql("select count(*) from supporter_holds where holder = ? and supporter_key = ? and ended_at is null")
			.params("event:" + this.fixture.id(slug), row.get("supporter_key"))
			.query(Integer.class)
			.single()).isEqualTo(1);

		QueuedMail.Message confirmation = this.mail.last(email, "event-confirmed");
		assertThat(confirmation.body()).contains("Know your rights webinar", "https://meet.example.org/end287g",
				"5 PM ET / 4 PM CT / 2 PM PT", "calendar.google.com", "outlook.live.com");
		String attachment = this.cipher.open(this.jdbc
			.sql("select attachment_sealed from mail_outbox where template = 'event-confirmed' and recipient_index = ?")
			.param(this.index.ofEmail(email))
			.query(byte[].class)
			.single(), "mail_outbox.attachment");
		// a registered person's calendar entry carries the link
		assertThat(EventCalendarTests.parse(attachment).getComponents("VEVENT")).hasSize(1);
		assertThat(attachment.replace("\r\n ", "")).contains("LOCATION:https://meet.example.org/end287g");

		// the mailed link opens the person's page, and the public count says 1
		String manage = manageLink(confirmation.body());
		String mine = this.mvc.perform(get(manage)).andReturn().getResponse().getContentAsString();
		assertThat(mine).contains("You have a place.", "https://meet.example.org/end287g");
		assertThat(AccessibleHtml.problems(mine)).isEmpty();
		this.mvc.perform(get("/api/v1/events")).andExpect(jsonPath("$.events[0].registered").value(1));
		this.mvc.perform(get(manage.replace("/registration/", "/registration/x"))).andExpect(status().isNotFound());
	}

	@Test
	void aSecondSubmissionOrTheSameGmailAddressWrittenDifferentlyRegistersOnce() throws Exception {
		String slug = this.fixture.published(EventFixture.form("Once only"));
		String local = "maria.lopez" + System.nanoTime();
		this.fixture.register(slug, EventFixture.registration(local + "@gmail.com"));
		this.fixture.register(slug, EventFixture.registration(local + "@gmail.com"));
		MockHttpServletResponse variant = this.fixture.register(slug,
				EventFixture.registration(local.replace(".", "").toUpperCase() + "+events@GoogleMail.com"));
		assertThat(variant.getRedirectedUrl()).isEqualTo("/events/" + slug + "/registered");
		assertThat(this.jdbc.sql("select count(*) from event_registrations").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(this.mail.to(local + "@gmail.com", "event-confirmed")).hasSize(1);
	}

	@Test
	void pastCapacityPeopleWaitInLineAndAreMovedUpInOrderWhenSomeoneCancels() throws Exception {
		Map<String, String> form = EventFixture.inPerson(EventFixture.form("Small room"));
		form.put("capacity", "2");
		String slug = this.fixture.published(form);
		List<String> people = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			people.add(SignedIn.newEmail());
			this.fixture.register(slug, EventFixture.registration(people.get(i)));
		}
		assertThat(statuses()).containsExactly("REGISTERED", "REGISTERED", "WAITING", "WAITING", "WAITING");
		assertThat(this.mail.to(people.get(2), "event-waiting")).hasSize(1);
		assertThat(this.mail.to(people.get(2), "event-confirmed")).isEmpty();
		// the waiting person's mail has no address
		assertThat(this.mail.last(people.get(2), "event-waiting").body()).doesNotContain("100 Main St");
		assertThat(this.mvc.perform(get("/events/" + slug)).andReturn().getResponse().getContentAsString())
			.contains("Join the waiting list");

		// the second person cancels by the link in their mail
		String manage = manageLink(this.mail.last(people.get(1), "event-confirmed").body());
		this.mvc.perform(post(manage + "/cancel").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Registration cancelled")));
		assertThat(statuses()).containsExactly("REGISTERED", "CANCELLED", "REGISTERED", "WAITING", "WAITING");
		assertThat(this.mail.last(people.get(2), "event-promoted").body()).contains("100 Main St");
		assertThat(this.mail.to(people.get(3), "event-promoted")).isEmpty();
		// cancelling twice changes nothing
		this.mvc.perform(post(manage + "/cancel").with(csrf())).andExpect(status().isOk());
		assertThat(this.mail.to(people.get(3), "event-promoted")).isEmpty();

		// a bigger room moves the line up, in order
		Map<String, String> bigger = EventFixture.inPerson(EventFixture.form("Small room"));
		bigger.put("capacity", "3");
		this.mvc.perform(EventFixture.posting("/admin/events/" + this.fixture.id(slug), bigger).with(Staff.admin()))
			.andExpect(status().is3xxRedirection());
		assertThat(statuses()).containsExactly("REGISTERED", "CANCELLED", "REGISTERED", "REGISTERED", "WAITING");
	}

	@Test
	void twentyPeopleAtOnceForFiveSeatsGiveExactlyFiveSeats() throws Exception {
		Map<String, String> form = EventFixture.form("Rush");
		form.put("capacity", "5");
		long id = this.fixture.id(this.fixture.published(form));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Registrations.Outcome>> results = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String email = SignedIn.newEmail();
			Callable<Registrations.Outcome> task = () -> {
				start.await();
				return this.registrations.register(id, new Registrations.Form("Person", email, "28052", null,
						java.util.Locale.ENGLISH, List.of(), java.util.Set.of()), Instant.now());
			};
			results.add(pool.submit(task));
		}
		start.countDown();
		int seats = 0;
		for (Future<Registrations.Outcome> result : results) {
			seats += (result.get() == Registrations.Outcome.REGISTERED) ? 1 : 0;
		}
		pool.shutdown();
		assertThat(seats).isEqualTo(5);
		assertThat(this.registrations.seated(id)).isEqualTo(5);
		assertThat(this.registrations.waiting(id)).isEqualTo(15);
	}

	@Test
	void noRegistrationAfterTheStartOrACancellation() throws Exception {
		String slug = this.fixture.published(EventFixture.form("Closed soon"));
		long id = this.fixture.id(slug);
		this.fixture.move(id, Instant.now().minus(10, ChronoUnit.MINUTES), Instant.now().plus(1, ChronoUnit.HOURS));
		MockHttpServletResponse started = this.fixture.register(slug, EventFixture.registration(SignedIn.newEmail()));
		assertThat(started.getStatus()).isEqualTo(409);
		assertThat(started.getContentAsString()).doesNotContain("id=\"register\"")
			.contains("Registration is closed: the event has started or is over.");
		this.fixture.move(id, Instant.now().minus(2, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
		assertThat(this.fixture.register(slug, EventFixture.registration(SignedIn.newEmail())).getStatus())
			.isEqualTo(409);

		String other = this.fixture.published(EventFixture.form("Called off"));
		this.mvc.perform(post("/admin/events/" + this.fixture.id(other) + "/cancel").param("confirm", "yes")
			.with(csrf())
			.with(Staff.admin()));
		MockHttpServletResponse cancelled = this.fixture.register(other,
				EventFixture.registration(SignedIn.newEmail()));
		assertThat(cancelled.getStatus()).isEqualTo(409);
		assertThat(cancelled.getContentAsString()).contains("This event was cancelled");
		// a draft cannot be registered for at all
		long draft = this.fixture.create(EventFixture.form("Not yet"));
		assertThat(this.fixture.register(this.fixture.slug(draft), EventFixture.registration(SignedIn.newEmail()))
			.getStatus()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from event_registrations").query(Integer.class).single()).isZero();
	}

	@Test
	void badInputInTheRegistrationFormIsNamedAndNothingIsSaved() throws Exception {
		Map<String, String> eventForm = EventFixture.form("Careful form");
		eventForm.put("questions", "Which organization are you with?");
		String slug = this.fixture.published(eventForm);
		String huge = "x".repeat(10_000);
		refused(slug, (f) -> f.put("name", ""), "name", "Enter your name.");
		refused(slug, (f) -> f.put("email", ""), "email", "Enter your e-mail address.");
		refused(slug, (f) -> f.put("zip", ""), "zip", "Enter your ZIP code.");
		refused(slug, (f) -> f.put("name", huge), "name", "The name can have at most 100 characters.");
		refused(slug, (f) -> f.put("email", huge + "@example.org"), "email",
				"The e-mail address can have at most 254 characters.");
		refused(slug, (f) -> f.put("q0", huge), "q0", "An answer can have at most 500 characters.");
		refused(slug, (f) -> f.put("email", "not an address"), "email", "Enter an e-mail address such as");
		refused(slug, (f) -> f.put("email", "a@b.c\r\nBcc: x@example.org"), "email", "Enter an e-mail address such as");
		refused(slug, (f) -> f.put("zip", "2805"), "zip", "A ZIP code has exactly five digits");
		refused(slug, (f) -> f.put("zip", "99999"), "zip", "We do not know that ZIP code.");
		refused(slug, (f) -> f.put("phone", "call me maybe"), "phone", "A phone number has digits");
		refused(slug, (f) -> f.put("language", "fr"), "language", "Choose English or Spanish.");
		refused(slug, (f) -> f.put("name", "Ana\u0000"), "name", "The name contains characters we cannot use.");
		// Spanish
		Map<String, String> form = EventFixture.registration("");
		MockHttpServletResponse spanish = this.mvc
			.perform(EventFixture.posting("/events/" + slug + "/register", form).param("lang", "es"))
			.andReturn()
			.getResponse();
		assertThat(spanish.getContentAsString()).contains("Escriba su correo electrónico.");

		// hostile but valid values are words: stored, escaped when shown
		String email = SignedIn.newEmail();
		Map<String, String> hostile = EventFixture.registration(email);
		hostile.put("name", "<script>alert(1)</script> ✊🏽 مرحبا");
		hostile.put("q0", "'; drop table events; --");
		assertThat(this.fixture.register(slug, hostile).getRedirectedUrl()).endsWith("/registered");
		Registration saved = this.registrations.ofEvent(this.fixture.id(slug)).get(0);
		assertThat(saved.name()).isEqualTo("<script>alert(1)</script> ✊🏽 مرحبا");
		assertThat(saved.answers()).containsExactly("'; drop table events; --");
		String checkIn = this.mvc
			.perform(get("/admin/events/" + this.fixture.id(slug) + "/check-in").with(Staff.admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(checkIn).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
	}

	void refused(String slug, Consumer<Map<String, String>> change, String field, String message) throws Exception {
		Map<String, String> form = EventFixture.registration(SignedIn.newEmail());
		change.accept(form);
		MockHttpServletResponse response = this.fixture.register(slug, form);
		assertThat(response.getStatus()).as(field).isEqualTo(400);
		String html = response.getContentAsString();
		assertThat(html).as(field).contains(message).contains("href=\"#" + field + "\"");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from event_registrations").query(Integer.class).single()).isZero();
	}

	@Test
	void checkInByCodeOnceThenTheCsvExportNeutralisesFormulasAndIsAudited() throws Exception {
		String slug = this.fixture.published(EventFixture.inPerson(EventFixture.form("Door check")));
		long id = this.fixture.id(slug);
		String email = SignedIn.newEmail();
		Map<String, String> form = EventFixture.registration(email);
		form.put("name", "=HYPERLINK(\"http://evil.example\",\"click\")");
		form.put("phone", "+1 704 555 0100");
		this.fixture.register(slug, form);
		Registration registration = this.registrations.ofEvent(id).get(0);
		assertThat(registration.code()).matches("[2-9A-HJKMNP-Z]{6}");
		// the QR code on the person's page opens the check-in page
		String manage = manageLink(this.mail.last(email, "event-confirmed").body());
		String svg = this.mvc.perform(get(manage + "/qr.svg")).andReturn().getResponse().getContentAsString();
		assertThat(svg).startsWith("<svg").contains("<path");

		this.mvc
			.perform(get("/admin/events/" + id + "/check-in").param("code", registration.code().toLowerCase())
				.with(Staff.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("HYPERLINK")));
		this.mvc
			.perform(post("/admin/events/" + id + "/check-in").param("code", "ZZZZZZ").with(csrf()).with(Staff.admin()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/admin/events/" + id + "/check-in").param("code", registration.code())
				.with(csrf())
				.with(Staff.admin()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/admin/events/" + id + "/check-in").param("code", registration.code())
				.with(csrf())
				.with(Staff.admin()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'event.check-in' and subject = ?")
			.param("event:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.registrations.byId(registration.id()).orElseThrow().checkedInAt()).isNotNull();

		String csv = this.mvc.perform(get("/admin/events/" + id + "/registrations.csv").with(Staff.admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", "'+1 704 555 0100",
				email);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'personal-data.export' and subject = ?")
			.param("event:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void myDataShowsAndForgetsARegistrationKeepingItCounted() throws Exception {
		String slug = this.fixture.published(EventFixture.form("Private matters"));
		String email = SignedIn.newEmail();
		this.fixture.register(slug, EventFixture.registration(email));
		PersonalDataHolder holder = this.holders.stream()
			.filter((h) -> h.section().equals("eventRegistrations"))
			.findFirst()
			.orElseThrow();
		String key = this.index.ofEmail(EmailAddresses.normalize(email));
		assertThat(holder.describe(key).toString()).contains("Ana Pérez", email, "/events/" + slug);
		holder.forget(key);
		assertThat(holder.describe(key)).isEmpty();
		Map<String, Object> row = this.jdbc.sql("select * from event_registrations").query().singleRow();
		assertThat(row.get("name_sealed")).isNull();
		assertThat(row.get("email_sealed")).isNull();
		assertThat(row.get("email_key")).isNull();
		assertThat(row.get("status")).isEqualTo("REGISTERED");
		this.mvc.perform(get("/api/v1/events")).andExpect(jsonPath("$.events[0].registered").value(1));
	}

	List<String> statuses() {
		return this.jdbc.sql("select status from event_registrations order by created_at, id")
			.query(String.class)
			.list();
	}

	static String manageLink(String body) {
		Matcher link = MANAGE.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		return link.group(1);
	}

}
