package org.end287g.tracker.web;

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

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ApiControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void load() {
		new TrackerFixture(this.jdbc).load("COMMAND");
	}

	@Test
	void statsHaveTheContractShapeAndCounts() throws Exception {
		this.mvc.perform(get("/api/v1/stats"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value("2025-06-27"))
			.andExpect(jsonPath("$.active.agreements").value(6))
			.andExpect(jsonPath("$.active.agencies").value(5))
			.andExpect(jsonPath("$.active.states").value(3))
			.andExpect(jsonPath("$.active.byModel.JEM").value(2))
			.andExpect(jsonPath("$.active.byModel.TFM").value(2))
			.andExpect(jsonPath("$.active.byModel.WSO").value(2))
			.andExpect(jsonPath("$.pending.agreements").value(1))
			.andExpect(jsonPath("$.pending.agencies").value(1))
			.andExpect(jsonPath("$.removed.agreements").value(1));
	}

	@Test
	void statsOfAnEmptyTrackerHaveNullDateAndAllModels() throws Exception {
		new TrackerFixture(this.jdbc).clear();
		this.mvc.perform(get("/api/v1/stats"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value(nullValue()))
			.andExpect(jsonPath("$.active.agreements").value(0))
			.andExpect(jsonPath("$.active.byModel.JEM").value(0))
			.andExpect(jsonPath("$.active.byModel.TFM").value(0))
			.andExpect(jsonPath("$.active.byModel.WSO").value(0));
	}

	@Test
	void aNewImportIsSeenAtOnce() throws Exception {
		this.mvc.perform(get("/api/v1/stats")).andExpect(jsonPath("$.active.agreements").value(6));
		TrackerFixture fixture = new TrackerFixture(this.jdbc);
		long sheet = fixture.sheet("PARTICIPATING", "2025-07-01T00:00", 7, true, "COMMAND");
		long agency = fixture.agency("wake-county-sheriffs-office-nc", "NC", "Wake County Sheriff's Office", "COUNTY",
				"37183", null);
		fixture.event(fixture.agreement(agency, "JEM", "ACTIVE", null, null), sheet, "LISTED_ACTIVE",
				"2025-07-01T00:00", null);
		this.mvc.perform(get("/api/v1/stats"))
			.andExpect(jsonPath("$.asOf").value("2025-07-01"))
			.andExpect(jsonPath("$.active.agreements").value(7));
	}

	@Test
	void agreementsOfAStateHaveTheContractFields() throws Exception {
		this.mvc.perform(get("/api/v1/agreements?state=NC&status=ACTIVE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].agency.name").value("Gaston County Sheriff's Office"))
			.andExpect(jsonPath("$[0].agency.slug").value(TrackerFixture.GASTON))
			.andExpect(jsonPath("$[0].agency.state").value("NC"))
			.andExpect(jsonPath("$[0].agency.kind").value("COUNTY"))
			.andExpect(jsonPath("$[0].agency.county.fips").value("37071"))
			.andExpect(jsonPath("$[0].agency.county.name").value("Gaston County"))
			.andExpect(jsonPath("$[0].model").value("JEM"))
			.andExpect(jsonPath("$[0].signed").value("2025-02-20"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$[0].firstListed").value("2025-05-16"))
			.andExpect(jsonPath("$[0].lastListed").value("2025-06-27"))
			.andExpect(jsonPath("$[0].moaUrl").value("https://www.ice.gov/moa/gaston.pdf"))
			.andExpect(jsonPath("$[0].moaLink").doesNotExist())
			.andExpect(jsonPath("$[0].listed").doesNotExist());
	}

	@Test
	void filtersCombine() throws Exception {
		this.mvc.perform(get("/api/v1/agreements?county=37071&model=wso"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].model").value("WSO"));
		this.mvc.perform(get("/api/v1/agreements?status=PENDING"))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].agency.state").value("NC"));
		this.mvc.perform(get("/api/v1/agreements")).andExpect(jsonPath("$", hasSize(8)));
		this.mvc.perform(get("/api/v1/agreements?state=FL&model=TFM"))
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[1].agency.name").value("Florida Highway Patrol"))
			.andExpect(jsonPath("$[1].agency.county").value(nullValue()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "state=XX", "state=", "state=NC' OR 1=1--", "state=North%20Carolina", "status=FOO",
			"status=", "model=abc", "model=JEM;drop table agency", "county=12", "county=99999", "county=",
			"county=37071%27%20or%20%271%27=%271" })
	void invalidFiltersAreTranslated400s(String query) throws Exception {
		this.mvc.perform(get("/api/v1/agreements?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(jsonPath("$.error").isString());
		this.mvc.perform(get("/api/v1/agreements.csv?" + query)).andExpect(status().isBadRequest());
	}

	@Test
	void errorsSpeakSpanish() throws Exception {
		this.mvc.perform(get("/api/v1/agreements?state=XX").header("Accept-Language", "es"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(containsString("dos letras")));
		this.mvc.perform(get("/api/v1/agreements?state=" + "N".repeat(5000)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(containsString("two-letter")));
	}

}
