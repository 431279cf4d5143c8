package org.end287g.events.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.end287g.Staff;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The iCalendar feeds, read back with ical4j (a parser independent of the writer): valid,
 * with the right instants on both sides of a daylight-saving change, text that survives
 * escaping, cancellations and reschedules that calendars can apply.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventCalendarTests {

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

	@Test
	void theFeedIsValidAndFivePmInNewYorkStaysFivePmAcrossTheDaylightSavingChange() throws Exception {
		// clocks spring forward in the United States on 14 March 2027
		LocalDateTime before = LocalDateTime.of(2027, 3, 11, 17, 0);
		LocalDateTime after = LocalDateTime.of(2027, 3, 18, 17, 0);
		this.fixture.published(EventFixture.form("Before the change", before, before.plusHours(1)));
		this.fixture.published(EventFixture.form("After the change", after, after.plusHours(1)));
		Map<String, String> pacific = EventFixture.form("Pacific evening", LocalDateTime.of(2027, 11, 6, 19, 0),
				LocalDateTime.of(2027, 11, 8, 19, 0));
		pacific.put("timeZone", "America/Los_Angeles");
		this.fixture.published(pacific);

		MockHttpServletResponse response = this.mvc.perform(get("/events.ics")).andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("text/calendar");
		String text = response.getContentAsString(StandardCharsets.UTF_8);
		Calendar calendar = parse(text);
		calendar.validate();
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).hasSize(3);
		VEvent first = find(events, "Before the change");
		VEvent second = find(events, "After the change");
		// 17:00 EST is 22:00 UTC; 17:00 EDT is 21:00 UTC
		assertThat(start(first)).isEqualTo(Instant.parse("2027-03-11T22:00:00Z"));
		assertThat(end(first)).isEqualTo(Instant.parse("2027-03-11T23:00:00Z"));
		assertThat(start(second)).isEqualTo(Instant.parse("2027-03-18T21:00:00Z"));
		// 6 November 2027 19:00 PDT to 8 November 19:00 PST spans the fall change: 49
		// hours
		VEvent longOne = find(events, "Pacific evening");
		assertThat(start(longOne)).isEqualTo(Instant.parse("2027-11-07T02:00:00Z"));
		assertThat(end(longOne)).isEqualTo(Instant.parse("2027-11-09T03:00:00Z"));
		for (VEvent event : events) {
			assertThat(value(event, Property.UID)).matches("event-[0-9]+@localhost");
			assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
			// public feeds never carry the online link
			assertThat(value(event, Property.DESCRIPTION)).doesNotContain("meet.example.org");
		}
		for (String line : text.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(EventTimes.usZones(Instant.parse("2027-03-11T22:00:00Z"), java.util.Locale.ENGLISH))
			.isEqualTo("5 PM ET / 4 PM CT / 2 PM PT");
		assertThat(EventTimes.usZones(Instant.parse("2027-03-18T21:00:00Z"), java.util.Locale.ENGLISH))
			.isEqualTo("5 PM ET / 4 PM CT / 2 PM PT");
	}

	@Test
	void textWithCommasSemicolonsLineBreaksAndEmojiSurvivesAndLongLinesFold() throws Exception {
		String title = "Rights, families; and \"us\" \\ ✊🏽 — derechos para todas las familias de Carolina del Norte";
		Map<String, String> form = EventFixture.form(title);
		form.put("descriptionEn", "Line one, with comma;\nline two.\n\n" + "ñ".repeat(300));
		String slug = this.fixture.published(form);
		String text = this.mvc.perform(get("/events/" + slug + ".ics"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Calendar calendar = parse(text);
		calendar.validate();
		VEvent event = (VEvent) calendar.getComponents(Component.VEVENT).get(0);
		assertThat(value(event, Property.SUMMARY)).isEqualTo(title);
		assertThat(value(event, Property.DESCRIPTION))
			.startsWith("Line one, with comma;\nline two.\n\n" + "ñ".repeat(300));
		for (String line : text.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
		}
	}

	@Test
	void aCancelledOrRescheduledEventStaysInTheFeedWithAHigherSequence() throws Exception {
		String slug = this.fixture.published(EventFixture.form("Soon cancelled"));
		long id = this.fixture.id(slug);
		VEvent before = (VEvent) parse(feed()).getComponents(Component.VEVENT).get(0);
		assertThat(value(before, Property.SEQUENCE)).isEqualTo("0");
		this.mvc
			.perform(post("/admin/events/" + id + "/cancel").param("confirm", "yes").with(csrf()).with(Staff.admin()))
			.andReturn();
		VEvent after = (VEvent) parse(feed()).getComponents(Component.VEVENT).get(0);
		assertThat(value(after, Property.STATUS)).isEqualTo("CANCELLED");
		assertThat(value(after, Property.SEQUENCE)).isEqualTo("1");
		assertThat(value(after, Property.UID)).isEqualTo(value(before, Property.UID));
		// drafts never appear
		this.fixture.create(EventFixture.form("Draft only"));
		assertThat(feed()).doesNotContain("Draft only");
	}

	String feed() throws Exception {
		return this.mvc.perform(get("/events.ics"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	static Calendar parse(String text) throws Exception {
		return new CalendarBuilder().build(new StringReader(text));
	}

	static VEvent find(List<VEvent> events, String summary) {
		return events.stream().filter((e) -> summary.equals(value(e, Property.SUMMARY))).findFirst().orElseThrow();
	}

	static String value(VEvent event, String property) {
		Optional<Property> found = event.getProperty(property);
		return found.map(Property::getValue).orElse(null);
	}

	static Instant start(VEvent event) {
		Optional<DtStart<Temporal>> start = event.getStartDate();
		return Instant.from(start.orElseThrow().getDate());
	}

	static Instant end(VEvent event) {
		Optional<DtEnd<Temporal>> end = event.getEndDate();
		return Instant.from(end.orElseThrow().getDate());
	}

}
