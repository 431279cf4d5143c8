package org.end287g.campaigns;

import org.end287g.site.AccessibleHtml;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public campaign pages and the JSON contract, in English and Spanish. */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignPageTests {

	static final String GASTON = "/campaigns/nc-gaston-county-sheriffs-office";

	static final String[] HOSTILE = { "%3Cscript%3Ealert(1)%3C!--", "'%20or%20'1'='1", "x".repeat(10_000),
			"nc-gast%C3%B3n-county", "%E2%80%AEevil", "nc-gaston-county-sheriffs-office-99", "nc--gaston", "-nc" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@BeforeEach
	void load() {
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
	}

	@Test
	void campaignPageShowsTargetAgreementsPetitionGoalAndLeaderCall() throws Exception {
		String html = this.mvc.perform(get(GASTON))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("<h1>End the 287(g) agreements of Gaston County Sheriff&#39;s Office</h1>"),
					containsString("Gaston County"), containsString("North Carolina"),
					containsString("href=\"/agencies/" + TrackerFixture.GASTON + "\""),
					containsString("Jail Enforcement Model"), containsString("Warrant Service Officer"),
					containsString("20 February 2025"),
					containsString(
							"We, residents of Gaston County, North Carolina, ask Gaston County Sheriff&#39;s Office"),
					containsString("0 of 200 signatures"), containsString("href=\"" + GASTON + "/lead\""),
					containsString("Become a leader"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(AccessibleHtml.problems(html)).isEmpty();
	}

	@Test
	void campaignPageInSpanish() throws Exception {
		this.mvc.perform(get(GASTON + "?lang=es"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Pongamos fin a los acuerdos 287(g)"),
					containsString("Nosotros, residentes de Gaston County, North Carolina"),
					containsString("0 de 200 firmas"), containsString("Ser líder de esta campaña"),
					not(containsString("0 of 200")))));
	}

	@Test
	void injectedNamesAreEscaped() throws Exception {
		this.mvc.perform(get("/campaigns/fl-sum-1-2-police-dept"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("=SUM(1,2) Police, &quot;Dept&quot;"), not(containsString("\"Dept\"")))));
	}

	@Test
	void leadPageShowsTheFormInSpanish() throws Exception {
		String html = this.mvc.perform(get(GASTON + "/lead?lang=es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Me comprometo a promover esta campaña")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		this.mvc.perform(get("/campaigns/nc-nobody/lead")).andExpect(status().isNotFound());
	}

	@Test
	void unknownAndHostileSlugsAreTranslated404s() throws Exception {
		for (String slug : HOSTILE) {
			this.mvc.perform(get(java.net.URI.create("/campaigns/" + slug + "?lang=es")))
				.andDo((result) -> assertThat(result.getResponse().getStatus()).as(slug).isEqualTo(404))
				.andExpect(content().string(allOf(containsString("<h1>No encontramos esta página</h1>"),
						not(containsString("<script>alert")))));
			this.mvc.perform(get(java.net.URI.create("/api/v1/campaigns/" + slug)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.error").value("There is no campaign at this address."));
		}
	}

	@Test
	void listByStateSortedByNameWithAFormThatWorksWithoutScript() throws Exception {
		String html = this.mvc.perform(get("/campaigns").param("state", "nc"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Campaigns in North Carolina"),
					containsString("<form method=\"get\" action=\"/campaigns\""),
					containsString("<option value=\"NC\" selected=\"selected\">"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		int cleveland = html.indexOf("Cleveland County Sheriff");
		int gaston = html.indexOf("Gaston County Sheriff");
		int mecklenburg = html.indexOf("Mecklenburg County Sheriff");
		assertThat(cleveland).isPositive().isLessThan(gaston);
		assertThat(gaston).isLessThan(mecklenburg);
		assertThat(html).doesNotContain("York County");
		this.mvc.perform(get("/campaigns?state=TX&lang=es"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Todavía no hay campañas en Texas")));
		String empty = this.mvc.perform(get("/campaigns"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(AccessibleHtml.problems(empty)).isEmpty();
	}

	@Test
	void badStatesAreTranslated400s() throws Exception {
		for (String state : new String[] { "", "XX", "<script>", "' or 1=1 --", "N".repeat(10_000), "ÑC", "37" }) {
			if (!state.isEmpty()) {
				// the page's "any state" sends an empty state: every campaign
				this.mvc.perform(get("/campaigns").param("state", state).param("lang", "es"))
					.andExpect(status().isBadRequest())
					.andExpect(content().string(containsString("código postal de dos letras")));
			}
			this.mvc.perform(get("/api/v1/campaigns").param("state", state))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error").value("The state must be a two-letter postal code such as NC."));
		}
		this.mvc.perform(get("/api/v1/campaigns")).andExpect(status().isBadRequest());
	}

	@Test
	void apiReturnsTheContract() throws Exception {
		this.mvc.perform(get("/api/v1/campaigns/nc-gaston-county-sheriffs-office"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value("nc-gaston-county-sheriffs-office"))
			.andExpect(jsonPath("$.title").value("Gaston County Sheriff's Office"))
			.andExpect(jsonPath("$.target.agency").value("Gaston County Sheriff's Office"))
			.andExpect(jsonPath("$.target.county").value("Gaston County"))
			.andExpect(jsonPath("$.target.state").value("NC"))
			.andExpect(jsonPath("$.goal").value(200))
			.andExpect(jsonPath("$.signatures").value(0))
			.andExpect(jsonPath("$.status").value("OPEN"));
		this.mvc.perform(get("/api/v1/campaigns?state=NC"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].slug").value("nc-cleveland-county-sheriffs-office"))
			.andExpect(jsonPath("$[1].target.name").value("Gaston County Sheriff's Office"))
			.andExpect(jsonPath("$[2].signatures").value(0));
	}

	@Test
	void aRenamedAgencyKeepsItsCampaignAddressAndShowsTheNewName() throws Exception {
		this.jdbc.sql("update agency set name = 'Gaston County Sheriff Office' where slug = ?")
			.param(TrackerFixture.GASTON)
			.update();
		// an import that renames records a new sheet: a new data version for the tracker
		new TrackerFixture(this.jdbc).sheet("PARTICIPATING", "2025-06-30T00:00", 6, true, "COMMAND");
		this.campaigns.createMissing();
		this.mvc.perform(get(GASTON))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("End the 287(g) agreements of Gaston County Sheriff Office<")));
	}

}
