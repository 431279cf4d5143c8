package org.end287g.tracker.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.AfterCommitListeners;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.SheetSource;
import org.end287g.tracker.TrackerFixture;
import org.end287g.tracker.importing.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What people type, searched in ICE's latest real sheets (beside the repository, system
 * property end287g.shared-data): the first result each form must lead to.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SearchRealSheetsTests {

	static final List<String> LATEST = List.of("pendingAgencies06302025am.xlsx",
			"participatingAgencies06272025am.xlsx");

	static final String GASTON = "/agencies/nc-gaston-county-sheriffs-office";

	static final String MECKLENBURG_NC = "/near?county=37119";

	/**
	 * The first link of the first list of results, counties ({@code results}) or agencies
	 * ({@code item-list}).
	 */
	private static final Pattern FIRST_RESULT = Pattern
		.compile("<ul class=\"(?:results|item-list[^\"]*)\">\\s*<li[^>]*>.*?<a href=\"([^\"]+)\"", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	IceSheets sheets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void importLatestSheets() throws IOException {
		SharedData.folder();
		List<String> imported = this.jdbc.sql("select file_name from ice_sheet where accepted = true order by id")
			.query(String.class)
			.list();
		if (imported.equals(LATEST)) {
			return;
		}
		new TrackerFixture(this.jdbc).clear();
		for (String name : LATEST) {
			Path sheet = SharedData.file(name);
			Instant since = AfterCommitListeners.now(this.context);
			assertThat(this.sheets.importSheet(sheet, name, SheetSource.COMMAND).accepted()).isTrue();
			AfterCommitListeners.awaitSince(this.context, since);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Gaston", "gaston", "GASTON", "Gastonia", "Gastonia NC", "Gastonia, N.C.",
			"gastonia north carolina", "GASTONIA nc", "gaston county nc", "Gaston County", "Gaston County, NC",
			"Gaston Co", "Gaston Co.", "Gaston Co., NC", "Gaston Cnty", "GASTÓN COUNTY", "condado de Gaston",
			"condado Gaston", "Condado de Gastón, Carolina del Norte", "Gastonia, Carolina del Norte",
			"ciudad de Gastonia", "Gaston Co SO", "Gaston County Sheriff's Dept", "Gaston Sheriffs Office",
			"gaston county sheriffs office", "Gaston County Sheriff’s Office",
			"Oficina del Sheriff del Condado de Gaston", "Oficina del Alguacil del Condado de Gaston",
			"Gastn county sherif", "Gaston Co Sherrif" })
	void everyWayOfWritingGastonLeadsToItsSheriffFirst(String query) throws Exception {
		assertThat(firstResult(query)).isEqualTo(GASTON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Charlotte", "charlotte", "Charlotte NC", "Charlotte, N.C.", "Charlotte, North Carolina",
			"Charlotte, Carolina del Norte", "Charlotte PD", "Charlotte-Mecklenburg PD" })
	void charlotteLeadsToMecklenburgCountyFirst(String query) throws Exception {
		assertThat(firstResult(query)).isEqualTo(MECKLENBURG_NC);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Charlotte, FL | /agencies/fl-charlotte-county-sheriffs-office",
					"Charlotte County Sheriff | /agencies/fl-charlotte-county-sheriffs-office",
					"Mecklenberg, VA | /agencies/va-mecklenburg-county-sheriffs-office",
					"Mesa PD | /agencies/az-mesa-police-department",
					"Departamento de Policía de Mesa | /agencies/az-mesa-police-department",
					"Georgia DPS | /agencies/ga-georgia-department-of-public-safety",
					"Idaho State Police | /agencies/id-idaho-state-police",
					"Nassau County PD | /agencies/ny-nassau-county-police-department",
					"Las Vegas | /agencies/nv-las-vegas-metropolitan-police-department",
					"Panama City PD | /agencies/fl-panama-city-police-department" })
	void abbreviationsAndStatesPickTheAgency(String query, String first) throws Exception {
		assertThat(firstResult(query)).isEqualTo(first);
	}

	@Test
	void kindsAloneListEveryAgencyOfThatKindInTheStateNamed() throws Exception {
		assertThat(firstResult("Sheriffs Office, NC")).startsWith("/agencies/nc-").endsWith("-sheriffs-office");
		assertThat(firstResult("Oficina del Sheriff, Carolina del Norte")).startsWith("/agencies/nc-");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "28052-1234 | /near?zip=28052", "28052 1234 | /near?zip=28052", " 28052 | /near?zip=28052",
					"Gastonia, NC 28052 | /near?zip=28052", "North Carolina | /states/NC",
					"Carolina del Norte | /states/NC", "N.C. | /states/NC" })
	void aZipCodeOrAStateAloneOpensItsPage(String query, String page) throws Exception {
		this.mvc.perform(get("/search").param("q", query)).andExpect(redirectedUrl(page));
	}

	@Test
	void theIssuesExamplesNowRankTheCountySearchedFirst() throws Exception {
		String gaston = page("Gaston", "en");
		assertThat(gaston.indexOf("Gaston County, NC")).isPositive().isLessThan(gaston.indexOf("Northampton County"));
		assertThat(gaston.indexOf(GASTON)).isLessThan(gaston.indexOf("Gaston County, NC"));
		String charlotte = page("Charlotte", "es");
		assertThat(charlotte).contains("Mecklenburg County, NC (Charlotte)", "Condados");
		assertThat(charlotte.indexOf("Mecklenburg County, NC")).isLessThan(charlotte.indexOf("Chittenden County"));
		assertThat(page("Charlotte, NC", "en")).contains("Results in North Carolina first.");
		assertThat(page("Charlotte, NC", "es")).contains("Primero, los resultados en North Carolina.");
		// nothing to say when every result is in the state named
		assertThat(page("Gastonia NC", "en")).doesNotContain("Results in North Carolina first.");
	}

	@Test
	void hostileHugeAndEmptyQueriesAreAnsweredInWords() throws Exception {
		this.mvc.perform(get("/search").param("q", "<script>alert(1)</script>' OR 1=1--"))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Nothing matches"), not(containsString("<script>alert")))));
		this.mvc.perform(get("/search").param("q", "gaston ".repeat(13)).header("Accept-Language", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("demasiadas palabras")));
		this.mvc.perform(get("/search").param("q", "x".repeat(201)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("too long")));
		this.mvc.perform(get("/search").param("q", " \t "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Type a ZIP code")));
		this.mvc.perform(get("/search").param("q", "\u202e\u0000%00")).andExpect(status().isOk());
	}

	private String firstResult(String query) throws Exception {
		Matcher first = FIRST_RESULT.matcher(page(query, "en"));
		assertThat(first.find()).as("a result for %s", query).isTrue();
		return first.group(1).replace("&amp;", "&");
	}

	private String page(String query, String language) throws Exception {
		return this.mvc.perform(get("/search").param("q", query).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
