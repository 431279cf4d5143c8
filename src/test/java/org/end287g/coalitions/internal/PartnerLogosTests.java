package org.end287g.coalitions.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.end287g.Staff;
import org.end287g.events.internal.EventFixture;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Event and campaign pages show the partner organizations staff chose, each linked to its
 * page, with its logo (alternative text in the page's language) when it has one; an
 * event's typed partners show only when it has no linked ones.
 */
class PartnerLogosTests extends CoalitionsTestSupport {

	@BeforeEach
	@AfterEach
	void noEvents() {
		for (String sql : new String[] { "delete from registration_shares", "delete from event_partner_organizations",
				"delete from campaign_partner_organizations", "delete from event_registrations",
				"delete from event_campaigns", "delete from event_speakers", "delete from events" }) {
			this.jdbc.sql(sql).update();
		}
	}

	String page(RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	long event(String title, String typedPartners) throws Exception {
		MockHttpServletRequestBuilder create = post("/admin/events").with(csrf()).with(Staff.admin());
		Map<String, String> form = new java.util.HashMap<>(EventFixture.form(title));
		form.put("partners", typedPartners);
		form.forEach(create::param);
		MockHttpServletResponse response = this.mvc.perform(create).andReturn().getResponse();
		assertThat(response.getRedirectedUrl()).as(response.getContentAsString()).startsWith("/admin/events/");
		long id = Long.parseLong(response.getRedirectedUrl().substring("/admin/events/".length()));
		this.mvc.perform(post("/admin/events/" + id + "/publish").with(csrf()).with(Staff.admin()))
			.andExpect(status().isFound());
		return id;
	}

	String eventSlug(long event) {
		return this.jdbc.sql("select slug from events where id = ?").param(event).query(String.class).single();
	}

	String name(long organization) {
		return this.jdbc.sql("select name from organizations where id = ?")
			.param(organization)
			.query(String.class)
			.single();
	}

	void logo(long organization) {
		this.jdbc.sql("""
				insert into organization_pages (organization_id, logo, logo_type, updated_at, updated_by)
				values (?, ?, 'image/png', ?, 'test')""")
			.params(organization, new byte[] { (byte) 0x89, 'P', 'N', 'G' }, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	@Test
	void anEventShowsItsLinkedPartnersWithLogosInsteadOfTypedNames() throws Exception {
		long casa = organization("Casa Esperanza");
		long aid = organization("Legal Aid <b>");
		logo(casa);
		long event = event("Know your rights night", "Typed Group One\nTyped Group Two");
		String slug = eventSlug(event);
		// without linked partners, the typed names are the fallback
		assertThat(page(get("/events/" + slug))).contains("Typed Group One");
		this.mvc
			.perform(post("/admin/events/" + event + "/partners").with(Staff.admin())
				.with(csrf())
				.param("organization", Long.toString(casa))
				.param("organization", Long.toString(aid)))
			.andExpect(status().isFound());
		String html = page(get("/events/" + slug));
		String casaSlug = Slugs.organization(casa, name(casa));
		assertThat(html)
			.contains("class=\"partner-logos\"", "href=\"/organisations/" + casaSlug + "\"",
					"/organisations/" + casaSlug + "/logo.png?v=", "alt=\"Logo of " + name(casa) + "\"",
					"width=\"64\" height=\"64\"", "Legal Aid &lt;b&gt;")
			.doesNotContain("Typed Group One", "Legal Aid <b>");
		// the organization without a logo shows its name only, never an image without
		// text
		assertThat(html.split("<img", -1).length - 1).isEqualTo(html.split("alt=\"Logo of ", -1).length - 1);
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		assertThat(page(get("/events/" + slug).param("lang", "es"))).contains("Organizaciones aliadas",
				"alt=\"Logotipo de " + name(casa) + "\"");
	}

	@Test
	void aCampaignPageShowsItsPartnersWithLogos() throws Exception {
		long casa = organization("Casa Esperanza");
		logo(casa);
		long campaign = gaston().id();
		assertThat(page(get("/campaigns/" + GASTON))).doesNotContain("class=\"partner-logos\"");
		this.jdbc
			.sql("insert into campaign_partner_organizations (campaign_id, organization_id, added_at) values (?, ?, ?)")
			.params(campaign, casa, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		String html = page(get("/campaigns/" + GASTON));
		assertThat(html).contains("Partner organisations", "class=\"partner-logos\"",
				"href=\"/organisations/" + Slugs.organization(casa, name(casa)) + "\"",
				"alt=\"Logo of " + name(casa) + "\"");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		assertThat(page(get("/campaigns/" + GASTON).param("lang", "es"))).contains("Organizaciones aliadas",
				"alt=\"Logotipo de " + name(casa) + "\"");
	}

}
