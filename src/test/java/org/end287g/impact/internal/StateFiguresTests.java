package org.end287g.impact.internal;

import java.nio.charset.StandardCharsets;

import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A state's page adds up its agencies' figures per measure, each agency once with its
 * largest figure, worded as a lower bound ("at least", or "about" when a figure added is
 * approximate), with every figure's agency, period and source; figures of other states'
 * agencies and national figures are not added, and a state without figures shows none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StateFiguresTests {

	static final String MECKLENBURG = "mecklenburg-county-sheriffs-office-nc";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.jdbc.sql("delete from impact_figures where created_by <> 'migration'").update();
	}

	void figure(String agency, String measure, long value, String qualifier, Integer year, String source) {
		this.jdbc.sql("""
				insert into impact_figures (agency_slug, measure, amount, qualifier, fiscal_year, source_title,
				source_publisher, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, 'ICE', CURRENT_TIMESTAMP, 'test')""")
			.params(java.util.Arrays.asList(agency, measure, value, qualifier, year, source))
			.update();
	}

	String text(RequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aStatesPageAddsUpItsAgenciesFiguresAsALowerBoundWithTheirSources() throws Exception {
		figure(TrackerFixture.GASTON, "PEOPLE_PROCESSED", 1_000, "EXACT", 2020, "Gaston statistics 2020");
		// a smaller figure of the same agency and measure (another year) is not added
		figure(TrackerFixture.GASTON, "PEOPLE_PROCESSED", 400, "EXACT", 2019, "Gaston statistics 2019");
		figure(MECKLENBURG, "PEOPLE_PROCESSED", 15_000, "AT_LEAST", 2018, "Mecklenburg report");
		figure(MECKLENBURG, "REMOVALS", 288, "ABOUT", 2017, "Mecklenburg removals");
		// another state's agency and a national figure count for nothing here
		figure("york-county-sheriffs-office-sc", "PEOPLE_PROCESSED", 7_000, "EXACT", 2020, "York report");
		figure(null, "PEOPLE_PROCESSED", 26_000, "ABOUT", 2017, "National report");

		String page = text(get("/states/NC"));
		assertThat(page).contains("What 287(g) did in North Carolina")
			.contains("At least 16,000 people were placed into deportation proceedings through 287(g) "
					+ "by the 2 agencies in North Carolina we have figures for.")
			.contains("About 288 people were deported through 287(g) by the one agency in North Carolina")
			.contains("Gaston statistics 2020", "Mecklenburg report", "Mecklenburg removals")
			.contains("more than 15,000, fiscal year 2018")
			.contains("href=\"/agencies/" + MECKLENBURG + "\"")
			.contains("Each agency counts once per measure")
			.doesNotContain("Gaston statistics 2019", "York report", "National report", "17,000", "16,400");

		String es = text(get("/states/NC").header("Accept-Language", "es"));
		assertThat(es).contains("Lo que hizo 287(g) en North Carolina")
			.contains("Al menos 16.000 personas fueron puestas en procesos de deportación")
			.contains("las 2 agencias de North Carolina de las que tenemos cifras")
			.contains("Cerca de 288 personas fueron deportadas")
			.contains("Cada agencia cuenta una vez por medida");

		// South Carolina adds only York's own figure
		assertThat(text(get("/states/SC"))).contains("At least 7,000 people were placed into deportation proceedings")
			.doesNotContain("16,000");
	}

	@Test
	void aStateWithoutFiguresShowsNoTotals() throws Exception {
		figure(null, "PEOPLE_PROCESSED", 26_000, "ABOUT", 2017, "National report");
		String page = text(get("/states/TX"));
		assertThat(page).doesNotContain("What 287(g) did in", "impact-state", "National report");
		assertThat(text(get("/states/FL"))).doesNotContain("impact-state");
	}

}
