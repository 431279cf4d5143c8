package org.end287g.campaigns.pages;

import java.time.OffsetDateTime;

import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The lists on /campaigns: near a ZIP code, needing a leader, close to the goal, won. */
class CampaignListsTests extends StaffTestSupport {

	long id(String slug) {
		return this.campaigns.find(slug).orElseThrow().id();
	}

	@Test
	void nearAZipCodeNearestFirstWithDistances() throws Exception {
		String html = html(get("/campaigns?zip=28052"));
		assertThat(html).contains("Campaigns nearest to 28052", "miles away", "name=\"zip\"").doesNotContain(" km");
		int gaston = html.indexOf("Gaston County Sheriff");
		int cleveland = html.indexOf("Cleveland County Sheriff");
		int miami = html.indexOf("=SUM(1,2) Police");
		assertThat(gaston).isPositive().isLessThan(cleveland);
		assertThat(cleveland).isLessThan(miami);
		assertThat(html).doesNotContain("Florida Highway Patrol");
		assertThat(AccessibleHtml.problems(html)).isEmpty();
		this.mvc.perform(get("/api/v1/campaigns?zip=28052"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].slug").value(GASTON))
			.andExpect(jsonPath("$[0].target.county").value("Gaston County"))
			.andExpect(jsonPath("$[0].goal").value(200))
			.andExpect(jsonPath("$[0].signatures").value(0))
			.andExpect(jsonPath("$[0].status").value("OPEN"));
		for (String zip : new String[] { "", "2805", "00000", "<script>", "' OR 1=1 --", "2".repeat(10_000),
				"٢٨٠٥٢" }) {
			String problem = this.mvc.perform(get("/campaigns").param("zip", zip).param("lang", "es"))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(problem).as(zip).contains("código postal de EE. UU. de cinco dígitos");
			this.mvc.perform(get("/api/v1/campaigns").param("zip", zip))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error").value("Please enter a five-digit US ZIP code, such as 28052."));
		}
	}

	@Test
	void needsALeaderCloseToGoalAndWon() throws Exception {
		leaderOf(id(GASTON));
		this.jdbc.sql("update campaigns set status = 'READY' where slug = 'sc-york-county-sheriffs-office'").update();
		String needs = html(get("/campaigns?filter=needs-leader"));
		assertThat(needs).contains("Mecklenburg County Sheriff", "aria-current=\"page\"")
			.doesNotContain("Gaston County Sheriff", "York County Sheriff");
		assertThat(AccessibleHtml.problems(needs)).isEmpty();

		count(id(GASTON), 0, 100);
		count(id(GASTON), 3, 50);
		count(id("nc-mecklenburg-county-sheriffs-office"), 0, 149);
		count(id("sc-york-county-sheriffs-office"), 0, 200);
		String close = html(get("/campaigns?filter=close"));
		assertThat(close).contains("Gaston County Sheriff", "150 of 200 signatures")
			.doesNotContain("Mecklenburg County Sheriff", "York County Sheriff");
		this.mvc.perform(get("/api/v1/campaigns?filter=close"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].signatures").value(150));

		assertThat(html(get("/campaigns?filter=won&lang=es"))).contains("Ninguna campaña está en esta lista",
				"Necesitan un líder", "Cerca de su meta");
		this.jdbc.sql("update campaigns set status = 'WON' where slug = 'nc-cleveland-county-sheriffs-office'")
			.update();
		for (int i = 0; i < 55; i++) {
			this.jdbc
				.sql("insert into campaigns (slug, agency_slug, state, title, goal, status, created_at) "
						+ "values (?, ?, 'NC', ?, 200, 'WON', ?)")
				.params("nc-won-" + i, "won-" + i + "-nc", String.format("Won Agency %02d", i), OffsetDateTime.now())
				.update();
		}
		String won = html(get("/campaigns?filter=won"));
		assertThat(won)
			.contains("Cleveland County Sheriff", "Won Agency 00", "href=\"/campaigns?filter=won&amp;page=2\"")
			.doesNotContain("Gaston County Sheriff", "Won Agency 54");
		assertThat(html(get("/campaigns?filter=won&page=3"))).contains("Won Agency 54").doesNotContain("Next page");
		this.mvc.perform(get("/api/v1/campaigns?filter=won&page=3")).andExpect(jsonPath("$", hasSize(16)));
		for (String filter : new String[] { "", "lost", "<script>", "' OR 1=1 --", "w".repeat(10_000) }) {
			this.mvc.perform(get("/campaigns").param("filter", filter)).andExpect(status().isBadRequest());
			this.mvc.perform(get("/api/v1/campaigns").param("filter", filter))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.error").value("This list does not exist: choose one of the tabs."));
		}
		for (String page : new String[] { "0", "-1", "x", "99999999999" }) {
			this.mvc.perform(get("/campaigns").param("filter", "won").param("page", page))
				.andExpect(status().isBadRequest());
		}
		// the list by state still works, with the tabs
		assertThat(html(get("/campaigns?state=NC"))).contains("Campaigns in North Carolina", "filter=needs-leader");
		this.jdbc.sql("delete from campaigns where slug like 'nc-won-%'").update();
	}

}
