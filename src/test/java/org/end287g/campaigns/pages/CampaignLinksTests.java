package org.end287g.campaigns.pages;

import java.time.OffsetDateTime;
import java.util.List;

import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.site.AccessibleHtml;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page that shows an agency leads to its campaign with the count, and the lists of
 * campaigns keep what the visitor chose and give distances in miles.
 */
class CampaignLinksTests extends StaffTestSupport {

	static final String CAMPAIGN = "href=\"/campaigns/" + GASTON + "\"";

	long id(String slug) {
		return this.campaigns.find(slug).orElseThrow().id();
	}

	@Test
	void everyPageShowingTheAgencyLeadsToItsCampaignWithTheCount() throws Exception {
		count(id(GASTON), 0, 100);
		count(id(GASTON), 5, 43);
		for (String page : List.of("/", "/search?q=Gaston+County+Sheriff", "/near?zip=28052", "/states/NC",
				"/agencies/" + TrackerFixture.GASTON)) {
			String html = html(get(page));
			assertThat(html).as(page).contains(CAMPAIGN, "143 of 200 signatures", "<progress");
			assertThat(AccessibleHtml.problems(html)).as(page).isEmpty();
			if (!"/".equals(page)) {
				assertThat(html).as(page).contains("Sign the petition to end it", "Lead this campaign");
			}
			String spanish = html(get(page + (page.contains("?") ? "&" : "?") + "lang=es"));
			assertThat(spanish).as(page).contains(CAMPAIGN, "143 de 200 firmas");
			if (!"/".equals(page)) {
				assertThat(spanish).as(page).contains("Firme la petición para ponerle fin", "Dirija esta campaña");
			}
		}
	}

	@Test
	void aCampaignWithALeaderAsksOnlyForSignatures() throws Exception {
		leaderOf(id(GASTON));
		String html = html(get("/agencies/" + TrackerFixture.GASTON));
		assertThat(html).contains(CAMPAIGN, "0 of 200 signatures", "Sign the petition to end it")
			.doesNotContain("Lead this campaign", "/lead\"");
	}

	@Test
	void theHomePageOpensWithTheAskAndListsCampaignsCloseToGoalAndWon() throws Exception {
		count(id("nc-mecklenburg-county-sheriffs-office"), 0, 150);
		count(id(GASTON), 0, 20);
		this.jdbc.sql(
				"update campaigns set status = 'WON', closed_at = ? where slug = 'nc-cleveland-county-sheriffs-office'")
			.param(OffsetDateTime.now())
			.update();
		String html = html(get("/"));
		int ask = html.indexOf("action=\"/campaigns\"");
		assertThat(ask).as("the ZIP form leading to the campaigns near the visitor").isPositive();
		assertThat(ask).isLessThan(html.indexOf("action=\"/search\""));
		assertThat(html).contains("End 287(g) where you live", "href=\"/campaigns\"",
				"href=\"/campaigns?filter=needs-leader\"", "Closest to their goal", "150 of 200 signatures",
				"Campaigns won", "href=\"/campaigns/nc-cleveland-county-sheriffs-office\"");
		assertThat(html.indexOf("Mecklenburg County Sheriff")).isLessThan(html.indexOf("Gaston County Sheriff"));
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		assertThat(html(get("/?lang=es"))).contains("Ponga fin al 287(g) donde usted vive", "Campañas ganadas",
				"150 de 200 firmas");
		assertThat(html(get("/what-is-287g"))).contains("Join a campaign, or lead one", "href=\"/campaigns\"");
	}

	@Test
	void aCountyWithoutAnAgreementOffersTheNearestCampaignsAndEvents() throws Exception {
		count(id(GASTON), 0, 7);
		String html = html(get("/near?zip=27601"));
		assertThat(html)
			.contains("No agreement in Wake County", "href=\"/campaigns?zip=27601\"", "href=\"/events?zip=27601\"",
					"Sign the petition to end it", "7 of 200 signatures", " miles away",
					"href=\"/campaigns/nc-mecklenburg-county-sheriffs-office\"")
			.doesNotContain(" km");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		assertThat(html(get("/near?zip=27601&lang=es"))).contains("Ningún acuerdo en Wake County", " millas",
				"Próximos eventos cerca de usted");
	}

	@Test
	void allCampaignsWithoutAFilterClosestToTheGoalFirst() throws Exception {
		count(id("nc-mecklenburg-county-sheriffs-office"), 0, 150);
		count(id(GASTON), 0, 20);
		this.jdbc.sql("update campaigns set status = 'WON' where slug = 'nc-cleveland-county-sheriffs-office'")
			.update();
		String html = html(get("/campaigns"));
		assertThat(html)
			.contains("Campaigns closest to their goal first", "150 of 200 signatures", "20 of 200 signatures",
					"<progress", "aria-current=\"page\"", "<option value=\"\" selected")
			.doesNotContain("Cleveland County Sheriff");
		assertThat(html.indexOf("Mecklenburg County Sheriff")).isLessThan(html.indexOf("Gaston County Sheriff"));
		assertThat(html.indexOf("Gaston County Sheriff")).isLessThan(html.indexOf("York County Sheriff"));
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		assertThat(html(get("/campaigns?state="))).contains("Mecklenburg County Sheriff");
		assertThat(html(get("/campaigns?lang=es"))).contains("Campañas, las más cercanas a su meta primero",
				"Cualquier estado");
		this.mvc.perform(get("/campaigns").param("state", "XX")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/campaigns").param("page", "x")).andExpect(status().isBadRequest());
	}

	@Test
	void theFiltersKeepWhatThePersonChose() throws Exception {
		String near = html(get("/campaigns?zip=28052"));
		assertThat(near).contains("<option value=\"\" selected=\"selected\">Any state</option>", "value=\"28052\"")
			.doesNotContain("value=\"AL\" selected");
		String state = html(get("/campaigns?state=nc"));
		assertThat(state).contains("<option value=\"NC\" selected=\"selected\">North Carolina</option>")
			.doesNotContain("<option value=\"\" selected");
		assertThat(html(get("/campaigns?zip=28052-1234"))).contains("Campaigns nearest to 28052-1234",
				"value=\"28052-1234\"", "Gaston County Sheriff");
	}

	@Test
	void distancesAreInMilesFirst() throws Exception {
		String html = html(get("/campaigns?zip=28052"));
		// Mecklenburg's centre is about 24 miles from Gastonia's ZIP code
		assertThat(html).containsPattern(">2[0-9] miles away<").doesNotContain(" km");
		assertThat(html(get("/campaigns?zip=28052&lang=es"))).containsPattern(">a 2[0-9] millas<");
		assertThat(html(get("/near?zip=28052"))).containsPattern("[0-9]+ miles away, SC").doesNotContain(" km");
	}

}
