package org.end287g.events.internal;

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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A campaign's page lists its upcoming published events (never drafts or cancelled ones)
 * and counts them with their partner groups under the count; the pages after signing
 * offer the next one with its Register link.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignEventsPartTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	EventFixture fixture;

	String campaign;

	@BeforeEach
	void start() {
		this.fixture = new EventFixture(this.mvc, this.jdbc).clear();
		long id = TestCampaigns.id(this.jdbc, 61);
		this.campaign = "/campaigns/"
				+ this.jdbc.sql("select slug from campaigns where id = ?").param(id).query(String.class).single();
	}

	@AfterEach
	void cleanUp() {
		this.fixture.clear();
	}

	@Test
	void upcomingEventsOfTheCampaignShowOnItsPageAndTheNextAfterSigning() throws Exception {
		assertThat(page(this.campaign, "en")).doesNotContain("Upcoming events", "partner group", "Next event");
		Map<String, String> form = EventFixture.form("Gaston County: how to end 287(g)");
		form.put("campaigns", this.campaign.substring("/campaigns/".length()));
		form.put("partners", "Siembra NC\nACLU of North Carolina");
		String slug = this.fixture.published(form);
		Map<String, String> draft = EventFixture.form("A draft nobody sees");
		draft.put("campaigns", form.get("campaigns"));
		this.fixture.create(draft);
		Map<String, String> cancelled = EventFixture.form("A cancelled meeting");
		cancelled.put("campaigns", form.get("campaigns"));
		long cancelledId = this.fixture.create(cancelled);
		this.mvc.perform(post("/admin/events/" + cancelledId + "/publish").with(csrf()).with(Staff.admin()));
		this.mvc.perform(post("/admin/events/" + cancelledId + "/cancel").with(csrf())
			.with(Staff.admin())
			.param("confirm", "yes"));

		String english = page(this.campaign, "en");
		assertThat(english)
			.contains("Upcoming events", "Gaston County: how to end 287(g)", "href=\"/events/" + slug + "#register\"",
					"1 event", "2 partner groups")
			.doesNotContain("A draft nobody sees", "A cancelled meeting");
		assertThat(AccessibleHtml.problems(english)).isEmpty();
		assertThat(page(this.campaign, "es")).contains("Próximos eventos", "1 evento", "2 grupos aliados");

		String signed = page(this.campaign + "/signed", "en");
		assertThat(signed).contains("Next event", "Gaston County: how to end 287(g)",
				"href=\"/events/" + slug + "#register\"", "Can you lead this campaign?");
		assertThat(AccessibleHtml.problems(signed)).isEmpty();
		assertThat(page(this.campaign + "/signed", "es")).contains("Próximo evento", "Regístrese");
	}

	private String page(String path, String lang) throws Exception {
		var response = this.mvc.perform(get(path).param("lang", lang)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

}
