package org.end287g.events.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.campaigns.TestCampaigns;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff create, publish, reschedule and cancel events through the pages; the public list,
 * the event's page, its times in the main US zones and the JSON show them; drafts stay
 * hidden.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventPagesTests {

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
	void aPublishedEventIsListedShownWithTheMainUsZonesAndInTheJson() throws Exception {
		LocalDateTime start = LocalDateTime.of(2027, 3, 4, 17, 0);
		Map<String, String> form = EventFixture.form("Ending 287(g): a webinar", start, start.plusMinutes(90));
		form.put("titleEs", "Poner fin al 287(g): un seminario web");
		form.put("speakers", "Ana Ruiz | Organizer | Siembra NC\nJohn Doe | Lawyer | ACLU");
		form.put("partners", "Siembra NC\nACLU of North Carolina");
		long id = this.fixture.create(form);
		String slug = this.fixture.slug(id);
		assertThat(slug).isEqualTo("ending-287-g-a-webinar-2027-03-04");
		// a draft is nobody's business but the organisers'
		this.mvc.perform(get("/events/" + slug)).andExpect(status().isNotFound());
		this.mvc.perform(get("/events")).andExpect(content().string(not(containsString("Ending 287(g)"))));
		this.mvc.perform(post("/admin/events/" + id + "/publish").with(csrf()).with(Staff.admin()))
			.andExpect(status().is3xxRedirection());

		String list = this.mvc.perform(get("/events"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Ending 287(g): a webinar", "5 PM ET / 4 PM CT / 2 PM PT");
		assertThat(AccessibleHtml.problems(list)).isEmpty();
		String page = this.mvc.perform(get("/events/" + slug))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("Thursday, March 4, 2027, 5:00 PM – 6:30 PM EST", "5 PM ET / 4 PM CT / 2 PM PT", "Ana Ruiz",
					"Siembra NC", "ACLU of North Carolina", "100 places left")
			.doesNotContain("meet.example.org");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		// in the visitor's zone
		this.mvc.perform(get("/events/" + slug).param("tz", "America/Los_Angeles"))
			.andExpect(content().string(containsString("Thursday, March 4, 2027, 2:00 PM – 3:30 PM PST")));
		// in Spanish
		this.mvc.perform(get("/events/" + slug).param("lang", "es"))
			.andExpect(content().string(containsString("Poner fin al 287(g): un seminario web")))
			.andExpect(content().string(containsString("5 p. m. ET / 4 p. m. CT / 2 p. m. PT")));

		this.mvc.perform(get("/api/v1/events"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[0].slug").value(slug))
			.andExpect(jsonPath("$.events[0].title").value("Ending 287(g): a webinar"))
			.andExpect(jsonPath("$.events[0].start").value("2027-03-04T17:00:00-05:00"))
			.andExpect(jsonPath("$.events[0].end").value("2027-03-04T18:30:00-05:00"))
			.andExpect(jsonPath("$.events[0].timeZone").value("America/New_York"))
			.andExpect(jsonPath("$.events[0].kind").value("ONLINE"))
			.andExpect(jsonPath("$.events[0].capacity").value(100))
			.andExpect(jsonPath("$.events[0].registered").value(0));
		assertThat(OffsetDateTime.parse("2027-03-04T17:00:00-05:00")).isNotNull();
	}

	@Test
	void listsFilterByZipStateAndFormat() throws Exception {
		String online = this.fixture.published(EventFixture.form("Online teach-in"));
		String gastonia = this.fixture.published(EventFixture.inPerson(EventFixture.form("Gastonia meeting")));
		Map<String, String> far = EventFixture.inPerson(EventFixture.form("Los Angeles vigil"));
		far.put("zip", "90012");
		far.put("address", "1 Temple St");
		String losAngeles = this.fixture.published(far);

		String near = body(get("/events").param("zip", "28054"));
		assertThat(near).contains("Gastonia meeting").doesNotContain("Online teach-in", "Los Angeles vigil");
		String state = body(get("/events").param("state", "ca"));
		assertThat(state).contains("Los Angeles vigil").doesNotContain("Gastonia meeting", "Online teach-in");
		String onlineOnly = body(get("/events").param("format", "online"));
		assertThat(onlineOnly).contains("Online teach-in").doesNotContain("Gastonia meeting", "Los Angeles vigil");
		String both = body(get("/events").param("format", "in-person").param("state", "NC"));
		assertThat(both).contains("Gastonia meeting").doesNotContain("Los Angeles vigil");
		this.mvc.perform(get("/api/v1/events").param("state", "NC"))
			.andExpect(jsonPath("$.events.length()").value(1))
			.andExpect(jsonPath("$.events[0].slug").value(gastonia))
			.andExpect(jsonPath("$.events[0].state").value("NC"));
		assertThat(online).isNotEqualTo(losAngeles);

		// bad filters: a clear, translated message and a 400
		for (String[] bad : new String[][] { { "zip", "2805" }, { "zip", "00000" }, { "zip", "<script>" },
				{ "state", "ZZ" }, { "state", "x".repeat(10_000) }, { "format", "teleport" } }) {
			MockHttpServletResponse response = this.mvc.perform(get("/events").param(bad[0], bad[1]))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(bad[0]).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("form-problem").doesNotContain("<script>");
		}
		this.mvc.perform(get("/api/v1/events").param("zip", "abcde").param("lang", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("Un código postal tiene exactamente cinco dígitos, como 28052."));
	}

	@Test
	void theAddressIsHiddenUntilRegisteringUnlessTheOrganiserShowsIt() throws Exception {
		String hidden = this.fixture.published(EventFixture.inPerson(EventFixture.form("Private address")));
		assertThat(body(get("/events/" + hidden))).doesNotContain("100 Main St")
			.contains("The address is sent to registered people.");
		Map<String, String> shown = EventFixture.inPerson(EventFixture.form("Public address"));
		shown.put("addressPublic", "yes");
		String open = this.fixture.published(shown);
		assertThat(body(get("/events/" + open))).contains("100 Main St, Gastonia, NC");
	}

	@Test
	void cancellingAndReschedulingChangeThePageAndTheSequence() throws Exception {
		String slug = this.fixture.published(EventFixture.form("Moving target"));
		long id = this.fixture.id(slug);
		Map<String, String> moved = EventFixture.form("Moving target");
		LocalDateTime later = LocalDateTime.now(EventFixture.NEW_YORK)
			.plusDays(9)
			.truncatedTo(ChronoUnit.DAYS)
			.withHour(19);
		moved.put("startDate", later.toLocalDate().toString());
		moved.put("startTime", "19:00");
		moved.put("endDate", later.toLocalDate().toString());
		moved.put("endTime", "20:00");
		this.mvc.perform(EventFixture.posting("/admin/events/" + id, moved).with(Staff.admin()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select sequence from events where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(body(get("/events/" + slug))).contains("7:00 PM – 8:00 PM");
		// cancelling needs the box ticked
		this.mvc.perform(post("/admin/events/" + id + "/cancel").with(csrf()).with(Staff.admin()))
			.andExpect(status().is3xxRedirection());
		assertThat(body(get("/events/" + slug))).doesNotContain("This event was cancelled.");
		this.mvc
			.perform(post("/admin/events/" + id + "/cancel").param("confirm", "yes").with(csrf()).with(Staff.admin()))
			.andExpect(status().is3xxRedirection());
		assertThat(body(get("/events/" + slug))).contains("This event was cancelled.")
			.doesNotContain("id=\"register\"");
		assertThat(body(get("/events"))).doesNotContain("Moving target");
		// a cancelled event cannot be edited
		this.mvc.perform(EventFixture.posting("/admin/events/" + id, moved).with(Staff.admin()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A cancelled event cannot be changed.")));
		List<String> audit = this.jdbc.sql("select action from audit_log where subject = ? order by id")
			.param("event:" + id)
			.query(String.class)
			.list();
		assertThat(audit).containsExactly("event.create", "event.publish", "event.reschedule", "event.cancel");
	}

	@Test
	void theOrganiserPagesAreAccessibleAndForStaffOnly() throws Exception {
		long id = this.fixture.create(EventFixture.form("Staff only"));
		for (String path : new String[] { "/admin/events", "/admin/events/new", "/admin/events/" + id,
				"/admin/events/" + id + "/check-in" }) {
			String html = body(get(path).with(Staff.admin()));
			assertThat(AccessibleHtml.problems(html)).as(path).isEmpty();
		}
		this.mvc.perform(get("/admin/events")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/events").with(Staff.adminWithoutPasskey())).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/events/999999999").with(Staff.admin())).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/events/abc").with(Staff.admin())).andExpect(status().isNotFound());
		// signed in without leading anything: 404 on the leaders' pages
		this.mvc.perform(get("/leader/events").with(Staff.organizer())).andExpect(status().isNotFound());
	}

	@Test
	void theCampaignFeedListsTheEventsOfThatCampaign() throws Exception {
		long campaign = TestCampaigns.id(this.jdbc, 41);
		String campaignSlug = this.jdbc.sql("select slug from campaigns where id = ?")
			.param(campaign)
			.query(String.class)
			.single();
		Map<String, String> form = EventFixture.form("Petition delivery");
		form.put("campaigns", campaignSlug);
		String slug = this.fixture.published(form);
		this.fixture.published(EventFixture.form("Unrelated webinar"));
		String feed = body(get("/events/campaigns/" + campaignSlug + ".ics"));
		assertThat(feed).contains("SUMMARY:Petition delivery").doesNotContain("Unrelated webinar");
		assertThat(body(get("/events/" + slug))).contains("Test Campaign 41");
		this.mvc.perform(get("/events/campaigns/no-such-campaign.ics")).andExpect(status().isNotFound());
	}

	String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
