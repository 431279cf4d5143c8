package org.end287g.events.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.accounts.SignedIn;

import org.springframework.beans.BeanUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Events for tests: valid forms, staff creating and publishing, and a clean slate. */
public final class EventFixture {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	EventFixture(MockMvc mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	/** Deletes every event and what refers to one. */
	EventFixture clear() {
		for (String sql : new String[] { "delete from event_registrations", "delete from event_campaigns",
				"delete from event_speakers", "delete from events" }) {
			this.jdbc.sql(sql).update();
		}
		return this;
	}

	/** A valid online event, a week from now at 17:00 New York time, for 90 minutes. */
	public static Map<String, String> form(String title) {
		LocalDateTime start = LocalDateTime.now(NEW_YORK).plusDays(7).truncatedTo(ChronoUnit.DAYS).withHour(17);
		return form(title, start, start.plusMinutes(90));
	}

	static Map<String, String> form(String title, LocalDateTime start, LocalDateTime end) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("titleEn", title);
		form.put("titleEs", "");
		form.put("descriptionEn", "How 287(g) works and how to end it.\n\nBring a friend.");
		form.put("descriptionEs", "");
		form.put("kind", "ONLINE");
		form.put("startDate", start.toLocalDate().toString());
		form.put("startTime", start.toLocalTime().toString());
		form.put("endDate", end.toLocalDate().toString());
		form.put("endTime", end.toLocalTime().toString());
		form.put("timeZone", "America/New_York");
		form.put("capacity", "100");
		form.put("venue", "");
		form.put("address", "");
		form.put("zip", "");
		form.put("onlineUrl", "https://meet.example.org/end287g");
		form.put("partners", "");
		form.put("speakers", "");
		form.put("questions", "");
		form.put("questionsEs", "");
		form.put("campaigns", "");
		return form;
	}

	/** In person in Gastonia, NC. */
	static Map<String, String> inPerson(Map<String, String> form) {
		form.put("kind", "IN_PERSON");
		form.put("venue", "Community hall");
		form.put("address", "100 Main St, Gastonia, NC");
		form.put("zip", "28052");
		form.put("onlineUrl", "");
		return form;
	}

	/** The values a valid form gives to store, without the pages. */
	static EventForm.Draft draft(Map<String, String> typed, Instant now) {
		Object[] values = Arrays.stream(EventForm.class.getRecordComponents())
			.map((component) -> typed.get(component.getName()))
			.toArray();
		EventForm form = BeanUtils.instantiateClass(BeanUtils.getResolvableConstructor(EventForm.class), values);
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		EventForm.Draft draft = form.draft(now, null, errors);
		assertThat(errors.getAllErrors()).isEmpty();
		return draft;
	}

	static MockHttpServletRequestBuilder posting(String path, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(SignedIn.from(SignedIn.newAddress()));
		form.forEach(request::param);
		return request;
	}

	/** Staff create a draft; its id. */
	long create(Map<String, String> form) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(posting("/admin/events", form).with(Staff.admin()))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).startsWith("/admin/events/");
		return Long.parseLong(response.getRedirectedUrl().substring("/admin/events/".length()));
	}

	/** Staff create and publish; the event's slug. */
	String published(Map<String, String> form) throws Exception {
		long id = create(form);
		this.mvc.perform(post("/admin/events/" + id + "/publish").with(csrf()).with(Staff.admin())).andReturn();
		return slug(id);
	}

	String slug(long id) {
		return this.jdbc.sql("select slug from events where id = ?").param(id).query(String.class).single();
	}

	long id(String slug) {
		return this.jdbc.sql("select id from events where slug = ?").param(slug).query(Long.class).single();
	}

	int count() {
		return this.jdbc.sql("select count(*) from events").query(Integer.class).single();
	}

	/** Moves an event in time, straight in the table (as if time had passed). */
	void move(long id, Instant start, Instant end) {
		this.jdbc.sql("update events set starts_at = ?, ends_at = ? where id = ?")
			.params(EventStore.utc(start), EventStore.utc(end), id)
			.update();
	}

	/** A valid registration form. */
	static Map<String, String> registration(String email) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "Ana Pérez");
		form.put("email", email);
		form.put("zip", "28052");
		form.put("phone", "");
		form.put("language", "en");
		return form;
	}

	/** Registers through the page; the redirect or status. */
	MockHttpServletResponse register(String slug, Map<String, String> form) throws Exception {
		return this.mvc.perform(posting("/events/" + slug + "/register", form)).andReturn().getResponse();
	}

}
