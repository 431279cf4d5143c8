package org.end287g.events.internal;

import java.util.Map;

import org.end287g.Staff;
import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.SignedIn;
import org.end287g.accounts.TestAccounts;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Leaders organise events of the campaigns they lead and no others, check people in from
 * a phone (the QR code opens the leaders' check-in page) and see attendance; staff reach
 * the same pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LeaderEventsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountDirectory directory;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Registrations registrations;

	EventFixture fixture;

	String mine;

	String theirs;

	String leader;

	String otherLeader;

	@BeforeEach
	void setUp() {
		this.fixture = new EventFixture(this.mvc, this.jdbc).clear();
		long campaign = TestCampaigns.id(this.jdbc, 51);
		long other = TestCampaigns.id(this.jdbc, 52);
		this.mine = slug(campaign);
		this.theirs = slug(other);
		this.leader = appoint(campaign);
		this.otherLeader = appoint(other);
	}

	@AfterEach
	void cleanUp() {
		this.fixture.clear();
	}

	String slug(long campaign) {
		return this.jdbc.sql("select slug from campaigns where id = ?").param(campaign).query(String.class).single();
	}

	String appoint(long campaign) {
		return this.transactions
			.execute((status) -> this.directory.appointLeader("test-admin", SignedIn.newEmail(), "Lena", "en", campaign)
				.orElseThrow());
	}

	RequestPostProcessor as(String account) {
		return user(account).roles("LEADER");
	}

	@Test
	void aLeaderOrganisesEventsOfTheirCampaignOnlyAndChecksPeopleIn() throws Exception {
		String form = this.mvc.perform(get("/leader/events/new").with(as(this.leader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains(this.mine);
		assertThat(AccessibleHtml.problems(form)).isEmpty();

		Map<String, String> event = EventFixture.inPerson(EventFixture.form("Canvass in Gastonia"));
		event.put("campaigns", this.theirs);
		this.mvc.perform(EventFixture.posting("/leader/events", event).with(as(this.leader)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("You can link only campaigns you lead.")));
		event.put("campaigns", "");
		this.mvc.perform(EventFixture.posting("/leader/events", event).with(as(this.leader)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Link at least one campaign you lead.")));
		assertThat(this.fixture.count()).isZero();

		event.put("campaigns", this.mine);
		MockHttpServletResponse created = this.mvc
			.perform(EventFixture.posting("/leader/events", event).with(as(this.leader)))
			.andReturn()
			.getResponse();
		assertThat(created.getRedirectedUrl()).startsWith("/leader/events/");
		long id = Long.parseLong(created.getRedirectedUrl().substring("/leader/events/".length()));
		this.mvc.perform(post("/leader/events/" + id + "/publish").with(csrf()).with(as(this.leader)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/leader/events").with(as(this.leader)))
			.andExpect(content().string(containsString("Canvass in Gastonia")));

		// another campaign's leader sees nothing of it
		this.mvc.perform(get("/leader/events/" + id).with(as(this.otherLeader))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/leader/events/" + id + "/cancel").param("confirm", "yes")
				.with(csrf())
				.with(as(this.otherLeader)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/leader/events/" + id + "/registrations.csv").with(as(this.otherLeader)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/leader/events").with(as(this.otherLeader)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Canvass in Gastonia"))));

		// check-in from the QR code's address
		String slug = this.fixture.slug(id);
		this.fixture.register(slug, EventFixture.registration(SignedIn.newEmail()));
		Registration registration = this.registrations.ofEvent(id).get(0);
		String page = this.mvc
			.perform(get("/leader/events/" + id + "/check-in").param("code", registration.code()).with(as(this.leader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Ana Pérez", "0 of 1 people with a place checked in");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		this.mvc
			.perform(post("/leader/events/" + id + "/check-in").param("code", registration.code())
				.with(csrf())
				.with(as(this.otherLeader)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/leader/events/" + id + "/check-in").param("code", registration.code())
				.with(csrf())
				.with(as(this.leader)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/leader/events/" + id + "/check-in").with(as(this.leader)))
			.andExpect(content().string(containsString("1 of 1 people with a place checked in")));
		this.mvc.perform(get("/leader/events/" + id).with(as(this.leader)))
			.andExpect(content().string(containsString("1 of 100 places taken, 0 waiting, 1 checked in")));

		// staff reach the leaders' pages too (the QR code opens those); an admin signed
		// in
		// by link only is told to sign in with a passkey
		String admin = this.transactions.execute((status) -> this.accounts.admin(SignedIn.newEmail(), "Adam"));
		this.mvc.perform(get("/leader/events/" + id + "/check-in").with(Staff.admin(admin))).andExpect(status().isOk());
		this.mvc.perform(get("/leader/events/" + id + "/check-in").with(Staff.adminWithoutPasskey(admin)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Sign in with a passkey")));
		this.mvc.perform(get("/leader/events/" + id + "/registrations.csv").with(Staff.adminWithoutPasskey(admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/leader/events").with(Staff.adminWithoutPasskey(admin)))
			.andExpect(status().isForbidden());
	}

}
