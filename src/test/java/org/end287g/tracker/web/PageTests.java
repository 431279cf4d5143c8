package org.end287g.tracker.web;

import java.net.URI;

import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class PageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TrackerFixture fixture;

	@BeforeEach
	void load() {
		this.fixture = new TrackerFixture(this.jdbc);
		this.fixture.load("COMMAND");
	}

	@Test
	void homeShowsTotalsMapChartAndStates() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("active agreements, with 5 agencies in 3 states"),
					containsString("class=\"county multi\""),
					containsString("href=\"/agencies/" + TrackerFixture.GASTON),
					containsString("<title id=\"chart-title\">"), containsString("<desc id=\"chart-desc\">"),
					containsString("<details>"), containsString("href=\"/states/NC\""),
					containsString("action=\"/search\""), not(containsString("shipped with end287g")))));
	}

	@Test
	void homeCountsOneStateInTheSingular() throws Exception {
		this.jdbc.sql("update agency set state = 'NC'").update();
		this.mvc.perform(get("/"))
			.andExpect(content()
				.string(allOf(containsString("with 5 agencies in 1 state<"), not(containsString("1 states")))));
		this.mvc.perform(get("/?lang=es")).andExpect(content().string(containsString("con 5 agencias en 1 estado<")));
	}

	@Test
	void homeLabelsTheDataShippedForTheFirstStartWithItsDate() throws Exception {
		this.fixture.load("FIRST_START");
		this.mvc.perform(get("/"))
			.andExpect(content().string(
					containsString("According to ICE&#39;s list published on 27 June 2025, shipped with end287g.")));
		this.mvc.perform(get("/?lang=es"))
			.andExpect(content().string(
					containsString("Según la lista de ICE publicada el 27 de junio de 2025, incluida con end287g.")));
	}

	@Test
	void homeSaysWhenThereIsNoData() throws Exception {
		this.fixture.clear();
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No data loaded yet")));
	}

	@Test
	void languageSwitchShowsSpanishAndSetsTheCookie() throws Exception {
		this.mvc.perform(get("/states/NC?lang=es"))
			.andExpect(status().isOk())
			.andExpect(cookie().value("lang", "es"))
			.andExpect(content().string(allOf(containsString("lang=\"es\""), containsString("Acuerdos activos"),
					containsString("Modelo de Cárcel"))));
	}

	@Test
	void statePageListsActivePendingAndRemoved() throws Exception {
		this.mvc.perform(get("/states/nc"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("287(g) agreements in North Carolina"),
					containsString("Gaston County Sheriff&#39;s Office"), containsString("Cleveland County"),
					containsString("https://www.ice.gov/moa/gaston.pdf"), containsString("<svg"))));
		this.mvc.perform(get("/states/TX"))
			.andExpect(content().string(containsString("Harris County Constable Precinct 1")));
		this.mvc.perform(get("/states")).andExpect(content().string(containsString("South Carolina")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "PR", "GU", "DC", "AK", "HI", "VI" })
	void everyPlaceHasAStatePage(String code) throws Exception {
		this.mvc.perform(get("/states/" + code)).andExpect(status().isOk());
		this.mvc.perform(get("/feeds/states/" + code + ".atom")).andExpect(status().isOk());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/states/XX", "/states/ZZZ", "/states/N1", "/agencies/no-such-agency",
			"/agencies/%3Cscript%3E" })
	void unknownThingsAreTranslated404Pages(String path) throws Exception {
		this.mvc.perform(get(URI.create(path)))
			.andExpect(status().isNotFound())
			.andExpect(
					content().string(allOf(containsString("We could not find that"), not(containsString("<script>")))));
		this.mvc.perform(get(URI.create(path)).header("Accept-Language", "es"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No encontramos")));
	}

	@Test
	void trackerErrorPagesKeepTheLanguageSwitch() throws Exception {
		this.mvc.perform(get("/states/XX"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("href=\"/states/XX?lang=es\"")));
		this.mvc.perform(get("/near?zip=abc").header("Accept-Language", "es"))
			.andExpect(content().string(containsString("href=\"/near?zip=abc&amp;lang=en\"")));
	}

	@Test
	void onlyWebLinksBecomeLinks() throws Exception {
		long agency = this.fixture.agency("evil-link-nc", "NC", "Evil Link Police", "MUNICIPALITY", "37071", null);
		this.fixture.agreement(agency, "TFM", "ACTIVE", null, "javascript:alert(1)");
		this.mvc.perform(get("/agencies/evil-link-nc"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("javascript:alert"))));
		this.mvc.perform(get("/states/NC")).andExpect(content().string(not(containsString("javascript:alert"))));
	}

	@Test
	void agencyPageExplainsModelsAndHistory() throws Exception {
		this.mvc.perform(get("/agencies/" + TrackerFixture.GASTON))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Jail officers question people booked"),
					containsString("Jail officers serve ICE administrative warrants"),
					containsString("Warrant Service Officer agreement: listed as pending on 16 May 2025; "
							+ "listed as signed on 27 June 2025."),
					containsString("Jail Enforcement Model agreement: listed as signed on 16 May 2025; "
							+ "renamed on 27 June 2025 (from Gaston Co. Sheriff Office)."),
					containsString("Gaston Co. Sheriff Office"), containsString("GASTON COUNTY SHERIFF"))));
		this.mvc.perform(get("/agencies/" + TrackerFixture.GASTON + "?lang=es"))
			.andExpect(content().string(containsString(
					"en la lista como pendiente el 16 de mayo de 2025; en la lista como firmado el 27 de junio de 2025.")));
		this.mvc.perform(get("/agencies/florida-highway-patrol-fl?lang=es"))
			.andExpect(content().string(allOf(containsString("Agencia estatal"), containsString("county not given"))));
	}

	@Test
	void nearPageShowsCountyAgreementsAndDistances() throws Exception {
		this.mvc.perform(get("/near?zip=28052"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Gaston County, NC"),
					containsString("Gaston County Sheriff&#39;s Office"), containsString("York County Sheriff"),
					containsString(" miles away, SC"), not(containsString(" km")), containsString("/js/near.js"))));
		this.mvc.perform(get("/near?zip=28052&lang=es"))
			.andExpect(content().string(allOf(containsString(" millas, SC"), not(containsString(" km")))));
		this.mvc.perform(get("/near?county=37183"))
			.andExpect(content().string(
					allOf(containsString("No agreement in Wake County"), containsString("href=\"/events?state=NC\""))));
	}

	@Test
	void nearPageExplainsBadInput() throws Exception {
		this.mvc.perform(get("/near")).andExpect(status().isOk());
		this.mvc.perform(get("/near?zip=abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("exactly five digits")));
		this.mvc.perform(get("/near?zip=00000&lang=es"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No conocemos el código postal 00000")));
		this.mvc.perform(get("/near").param("zip", "<script>alert(1)</script>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void searchFindsZipCityCountyAndMisspelledAgency() throws Exception {
		this.mvc.perform(get("/search?q=28052")).andExpect(redirectedUrl("/near?zip=28052"));
		this.mvc.perform(get("/search?q=Gastonia")).andExpect(content().string(containsString("/near?county=37071")));
		this.mvc.perform(get("/search").param("q", "Gaston County, NC"))
			.andExpect(content().string(containsString("/near?county=37071")));
		this.mvc.perform(get("/search").param("q", "Gastn county sherif"))
			.andExpect(content().string(containsString("/agencies/" + TrackerFixture.GASTON)));
		this.mvc.perform(get("/search?q=mecklenberg"))
			.andExpect(content().string(containsString("/agencies/mecklenburg-county-sheriffs-office-nc")));
	}

	@Test
	void searchExplainsEmptyHugeAndHostileInput() throws Exception {
		this.mvc.perform(get("/search")).andExpect(status().isOk());
		this.mvc.perform(get("/search").param("q", "  "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Type a ZIP code")));
		this.mvc.perform(get("/search?q=" + "a".repeat(201)).header("Accept-Language", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("demasiado larga")));
		this.mvc.perform(get("/search").param("q", "<script>alert(1)</script>' OR 1=1--"))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Nothing matches"), not(containsString("<script>alert")))));
	}

}
