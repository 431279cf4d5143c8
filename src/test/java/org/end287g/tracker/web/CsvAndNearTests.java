package org.end287g.tracker.web;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class CsvAndNearTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void load() {
		new TrackerFixture(this.jdbc).load("COMMAND");
	}

	@Test
	void csvHasAHeaderQuotesAndNeutralisesFormulas() throws Exception {
		String csv = this.mvc.perform(get("/api/v1/agreements.csv?state=FL"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).isEqualTo(AgreementsCsv.HEADER);
		assertThat(lines).hasSize(3);
		assertThat(lines[1]).startsWith("FL,\"'=SUM(1,2) Police, \"\"Dept\"\"\"," + TrackerFixture.INJECTED + ",");
		assertThat(lines[2])
			.startsWith("FL,Florida Highway Patrol,florida-highway-patrol-fl,STATE_AGENCY,,,TFM,ACTIVE,");
	}

	@Test
	void csvCellsFollowRfc4180() {
		assertThat(AgreementsCsv.cell("plain")).isEqualTo("plain");
		assertThat(AgreementsCsv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(AgreementsCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AgreementsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(AgreementsCsv.cell("+1")).isEqualTo("'+1");
		assertThat(AgreementsCsv.cell("-2")).isEqualTo("'-2");
		assertThat(AgreementsCsv.cell("@cmd")).isEqualTo("'@cmd");
		assertThat(AgreementsCsv.cell("")).isEmpty();
	}

	@Test
	void nearAZipGivesItsCountyAndTheNearestElsewhere() throws Exception {
		this.mvc.perform(get("/api/v1/near?zip=28052"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.zip").value("28052"))
			.andExpect(jsonPath("$.county.fips").value("37071"))
			.andExpect(jsonPath("$.county.name").value("Gaston County"))
			.andExpect(jsonPath("$.county.state").value("NC"))
			.andExpect(jsonPath("$.inCounty", hasSize(2)))
			.andExpect(jsonPath("$.inCounty[*].agency.slug", everyItem(containsString("gaston"))))
			.andExpect(jsonPath("$.nearest[0].agency.slug").value("york-county-sheriffs-office-sc"))
			.andExpect(jsonPath("$.nearest[0].distanceKm").isNumber())
			.andExpect(jsonPath("$.nearest[0].model").value("WSO"))
			.andExpect(jsonPath("$.nearest[*].status", everyItem(not("REMOVED"))))
			.andExpect(jsonPath("$.nearest[*].agency.slug", everyItem(not(containsString("gaston")))));
	}

	@Test
	void nearestAreSortedByDistance() throws Exception {
		String json = this.mvc.perform(get("/api/v1/near?zip=33101"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Double> distances = JsonPath.read(json, "$.nearest[*].distanceKm");
		assertThat(distances).hasSize(5).isSorted();
		List<String> slugs = JsonPath.read(json, "$.nearest[*].agency.slug");
		assertThat(slugs).doesNotContain(TrackerFixture.INJECTED, "harris-county-constable-precinct-1-tx")
			.contains("york-county-sheriffs-office-sc");
	}

	@Test
	void nearACountyWithoutAgreementsStillGivesTheNearest() throws Exception {
		this.mvc.perform(get("/api/v1/near?zip=27601"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.county.name").value("Wake County"))
			.andExpect(jsonPath("$.inCounty", hasSize(0)))
			.andExpect(jsonPath("$.nearest[0].agency.slug").value("mecklenburg-county-sheriffs-office-nc"));
	}

	@Test
	void nearABrowserLocation() throws Exception {
		this.mvc.perform(get("/api/v1/near?lat=35.26&lon=-81.18"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.zip").doesNotExist())
			.andExpect(jsonPath("$.county.fips").value("37071"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "zip=abc", "zip=2805", "zip=28052x", "zip=", "zip=28052' OR 1=1--", "lat=35.2", "lon=-81",
			"lat=abc&lon=1", "lat=91&lon=0", "lat=NaN&lon=0", "lat=35&lon=Infinity", "lat=0&lon=0", "" })
	void badPlacesAre400s(String query) throws Exception {
		this.mvc.perform(get("/api/v1/near?" + query))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").isString());
	}

	@Test
	void anUnknownZipIsA404InBothLanguages() throws Exception {
		this.mvc.perform(get("/api/v1/near?zip=00000"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value(containsString("00000")));
		this.mvc.perform(get("/api/v1/near?zip=00000&lang=es"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value(containsString("No conocemos")));
	}

	@Test
	void hugeZipIsRejected() throws Exception {
		this.mvc.perform(get("/api/v1/near?zip=" + "9".repeat(10_000))).andExpect(status().isBadRequest());
	}

}
