package org.end287g.osdi.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.end287g.Staff;
import org.end287g.accounts.SignedIn;
import org.end287g.events.internal.EventFixture;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Attendances: staff name an event's partners, the registration form offers one unticked
 * box per partner, a ticked box is stored as ids only, and an organization's key reads
 * (and its webhook receives) only the registrations shared with it.
 */
class AttendanceSharingTests extends OsdiTestSupport {

	static final String API = "/api/osdi/v1";

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookOutbox outbox;

	@BeforeEach
	@AfterEach
	void noEvents() {
		for (String sql : new String[] { "delete from registration_shares", "delete from event_partner_organizations",
				"delete from event_registrations", "delete from event_campaigns", "delete from event_speakers",
				"delete from events" }) {
			this.jdbc.sql(sql).update();
		}
	}

	/** Staff create and publish an online event; its id. */
	long event(String title) throws Exception {
		MockHttpServletRequestBuilder create = post("/admin/events").with(csrf()).with(Staff.admin());
		EventFixture.form(title).forEach(create::param);
		MockHttpServletResponse response = this.mvc.perform(create).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).startsWith("/admin/events/");
		long id = Long.parseLong(response.getRedirectedUrl().substring("/admin/events/".length()));
		this.mvc.perform(post("/admin/events/" + id + "/publish").with(csrf()).with(Staff.admin()))
			.andExpect(status().isFound());
		return id;
	}

	String slug(long event) {
		return this.jdbc.sql("select slug from events where id = ?").param(event).query(String.class).single();
	}

	void partners(long event, long... organizations) throws Exception {
		MockHttpServletRequestBuilder request = post("/admin/events/" + event + "/partners").with(Staff.admin())
			.with(csrf());
		for (long organization : organizations) {
			request.param("organization", Long.toString(organization));
		}
		this.mvc.perform(request).andExpect(status().isFound());
	}

	MockHttpServletRequestBuilder register(String slug, String email, String... shares) {
		MockHttpServletRequestBuilder request = post("/events/" + slug + "/register").with(csrf())
			.with(SignedIn.from(SignedIn.newAddress()))
			.param("name", "Ana María Pérez")
			.param("email", email)
			.param("zip", "28052")
			.param("phone", "")
			.param("language", "en");
		for (String share : shares) {
			request.param("share", share);
		}
		return request;
	}

	long shares() {
		return this.jdbc.sql("select count(*) from registration_shares").query(Long.class).single();
	}

	long registrations() {
		return this.jdbc.sql("select count(*) from event_registrations").query(Long.class).single();
	}

	@Test
	void staffNamePartnersAndARegistrantSharesOnlyWithTheTickedOnes() throws Exception {
		long first = organization("Alianza Norte");
		long second = organization("Red Sur");
		long stranger = organization("Not A Partner");
		long event = event("Know your rights night");
		String slug = slug(event);
		partners(event, first, second);
		assertThat(auditCount("event.partners")).isPositive();
		String admin = html(get("/admin/events/" + event).with(Staff.admin()));
		assertThat(admin).contains("Partner organizations", "Partners of this event", "With our partners:",
				"\">Alianza Norte");
		assertThat(AccessibleHtml.problems(admin)).isEmpty();

		String page = html(get("/events/" + slug));
		assertThat(page)
			.contains("With our partners:", "\">Alianza Norte", "Share my name, e-mail and ZIP code with Alianza Norte",
					"name=\"share\"")
			.doesNotContain("checked=\"checked\"", "Not A Partner");
		assertThat(AccessibleHtml.problems(page)).isEmpty();
		assertThat(html(get("/events/" + slug + "?lang=es")))
			.contains("Compartir mi nombre, correo y código postal con Red Sur");

		this.mvc.perform(register(slug, "nadie-" + System.nanoTime() + "@example.org"))
			.andExpect(status().is3xxRedirection());
		assertThat(shares()).as("nothing shared unless ticked").isZero();
		this.mvc
			.perform(register(slug, "ana-" + System.nanoTime() + "@example.org", Long.toString(first),
					Long.toString(stranger)))
			.andExpect(status().is3xxRedirection());
		List<Map<String, Object>> rows = this.jdbc.sql("select * from registration_shares").query().listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsOnlyKeys("registration_id", "organization_id", "created_at")
			.containsEntry("organization_id", first);
	}

	@Test
	void hostileOrHugeShareChoicesAreAClearErrorAndNothingIsStored() throws Exception {
		long partner = organization("Partner");
		long event = event("Hostile night");
		String slug = slug(event);
		partners(event, partner);
		for (String[] shares : new String[][] { { "1;drop table events" }, { "<script>" }, { "99999999999999999999" },
				{ "x".repeat(100_000) }, Collections.nCopies(30, Long.toString(partner)).toArray(new String[0]) }) {
			MockHttpServletResponse response = this.mvc
				.perform(register(slug, "hostile-" + System.nanoTime() + "@example.org", shares))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("We could not read your choices of partners");
		}
		assertThat(registrations()).isZero();
		assertThat(shares()).isZero();
		for (String hostile : new String[] { "12abc", "987654321", "<script>" }) {
			this.mvc
				.perform(post("/admin/events/" + event + "/partners").with(Staff.admin())
					.with(csrf())
					.param("organization", Long.toString(partner), hostile))
				.andExpect(status().isBadRequest());
		}
		assertThat(this.jdbc.sql("select count(*) from event_partner_organizations").query(Long.class).single())
			.as("nothing half-saved")
			.isEqualTo(1);
		this.mvc.perform(post("/leader/events/" + event + "/partners").with(Staff.admin()).with(csrf()))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void aKeySeesOnlyTheAttendancesSharedWithItsOrganization() throws Exception {
		long ours = organization("Ours");
		long theirs = organization("Theirs");
		long event = event("API night");
		String slug = slug(event);
		partners(event, ours, theirs);
		String email = "ana-" + System.nanoTime() + "@example.org";
		this.mvc.perform(register(slug, email, Long.toString(ours))).andExpect(status().is3xxRedirection());
		this.mvc.perform(register(slug, "luis-" + System.nanoTime() + "@example.org", Long.toString(theirs)))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(register(slug, "sin-" + System.nanoTime() + "@example.org"))
			.andExpect(status().is3xxRedirection());
		long shared = this.jdbc.sql("select registration_id from registration_shares where organization_id = ?")
			.param(ours)
			.query(Long.class)
			.single();
		long other = this.jdbc.sql("select registration_id from registration_shares where organization_id = ?")
			.param(theirs)
			.query(Long.class)
			.single();
		String key = this.keys.create(ours, "CRM", "test");
		long reads = auditCount("osdi.read");

		this.mvc.perform(get(API).header("OSDI-Token", key))
			.andExpect(jsonPath("$._links['osdi:attendances'].href")
				.value("http://localhost:8080" + API + "/attendances"));
		this.mvc.perform(get(API)).andExpect(jsonPath("$._links['osdi:attendances']").doesNotExist());
		for (String path : new String[] { "/attendances", "/events/" + slug + "/attendances" }) {
			this.mvc.perform(get(API + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total_records").value(1))
				.andExpect(jsonPath("$._embedded['osdi:attendances']", hasSize(1)))
				.andExpect(jsonPath("$._embedded['osdi:attendances'][0].identifiers[0]")
					.value("end287g:attendance-" + shared))
				.andExpect(jsonPath("$._embedded['osdi:attendances'][0].status").value("accepted"))
				.andExpect(jsonPath("$._embedded['osdi:attendances'][0].created_date").exists())
				.andExpect(jsonPath("$._embedded['osdi:attendances'][0]._embedded['osdi:person'].given_name")
					.value("Ana María"))
				.andExpect(jsonPath("$._embedded['osdi:attendances'][0]._embedded['osdi:person'].family_name")
					.value("Pérez"))
				.andExpect(jsonPath(
						"$._embedded['osdi:attendances'][0]._embedded['osdi:person'].email_addresses[0].address")
					.value(email))
				.andExpect(jsonPath(
						"$._embedded['osdi:attendances'][0]._embedded['osdi:person'].postal_addresses[0].postal_code")
					.value("28052"));
		}
		this.mvc.perform(get(API + "/attendances/" + shared).header("OSDI-Token", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$._links['osdi:event'].href", containsString("/events/" + slug)));
		for (String id : new String[] { Long.toString(other), "abc", "9".repeat(40) }) {
			this.mvc.perform(get(API + "/attendances/" + id).header("OSDI-Token", key))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.error", containsString("no attendance")));
		}
		this.mvc.perform(get(API + "/events/no-such-event/attendances").header("OSDI-Token", key))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(API + "/attendances")).andExpect(status().isUnauthorized());
		assertThat(auditCount("osdi.read") - reads).isGreaterThanOrEqualTo(3);

		long id = this.keys.of(ours).get(0).id();
		assertThat(this.keys.revoke(ours, id, "test")).isTrue();
		this.mvc.perform(get(API + "/attendances").header("OSDI-Token", key)).andExpect(status().isUnauthorized());
		this.mvc.perform(get(API + "/attendances/" + shared).header("OSDI-Token", key))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aNewSharedAttendanceIsPostedOnce() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", (exchange) -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			long ours = organization("Hooked");
			long other = organization("Other");
			long event = event("Hook night");
			String slug = slug(event);
			partners(event, ours, other);
			this.webhooks.register(ours, URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
					"test");
			String email = "ana-" + System.nanoTime() + "@example.org";
			this.mvc.perform(register(slug, email, Long.toString(ours))).andExpect(status().is3xxRedirection());
			this.mvc.perform(register(slug, "luis-" + System.nanoTime() + "@example.org", Long.toString(other)))
				.andExpect(status().is3xxRedirection());
			assertThat(this.outbox.round()).isEqualTo(1);
			assertThat(this.outbox.round()).as("exactly once").isZero();
			assertThat(received).hasSize(1);
			assertThat(received.get(0))
				.contains("\"osdi:attendance\"", "\"given_name\":\"Ana María\"", email, "end287g:attendance-")
				.doesNotContain("luis-");
		}
		finally {
			receiver.stop(0);
		}
	}

}
