package org.end287g.tracker.web;

import java.nio.file.Path;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.SheetSource;
import org.end287g.tracker.TrackerFixture;
import org.end287g.tracker.importing.SharedData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ICE's real sheets imported through the importer's public API: the API's totals must
 * agree with counts taken straight from the tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportedSheetsStatsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IceSheets sheets;

	@Test
	void statsAgreeWithTheTables() throws Exception {
		new TrackerFixture(this.jdbc).clear();
		for (Path sheet : SharedData.inPublicationOrder()) {
			this.sheets.importSheet(sheet, sheet.getFileName().toString(), SheetSource.COMMAND);
		}
		assertThat(count("select count(*) from agreement")).isPositive();
		this.mvc.perform(get("/api/v1/stats"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value(this.jdbc
				.sql("select max(published_at) from ice_sheet where list = 'PARTICIPATING' and accepted = true")
				.query(java.sql.Timestamp.class)
				.single()
				.toLocalDateTime()
				.toLocalDate()
				.toString()))
			.andExpect(jsonPath("$.active.agreements")
				.value(count("select count(*) from agreement where status = 'ACTIVE'")))
			.andExpect(jsonPath("$.active.agencies")
				.value(count("select count(distinct agency_id) from agreement where status = 'ACTIVE'")))
			.andExpect(jsonPath("$.active.states").value(count(
					"select count(distinct g.state) from agreement a join agency g on g.id = a.agency_id where a.status = 'ACTIVE'")))
			.andExpect(jsonPath("$.active.byModel.JEM").value(byModel("JEM")))
			.andExpect(jsonPath("$.active.byModel.TFM").value(byModel("TFM")))
			.andExpect(jsonPath("$.active.byModel.WSO").value(byModel("WSO")))
			.andExpect(jsonPath("$.pending.agreements")
				.value(count("select count(*) from agreement where status = 'PENDING'")))
			.andExpect(jsonPath("$.pending.agencies")
				.value(count("select count(distinct agency_id) from agreement where status = 'PENDING'")))
			.andExpect(jsonPath("$.removed.agreements")
				.value(count("select count(*) from agreement where status = 'REMOVED'")));
		String csv = this.mvc.perform(get("/api/v1/agreements.csv?status=ACTIVE"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.split("\r\n")).hasSize(count("select count(*) from agreement where status = 'ACTIVE'") + 1);
		this.mvc.perform(get("/")).andExpect(status().isOk());
		this.mvc.perform(get("/states/NC")).andExpect(status().isOk());
	}

	private int byModel(String model) {
		return this.jdbc.sql("select count(*) from agreement where status = 'ACTIVE' and model = ?")
			.param(model)
			.query(Integer.class)
			.single();
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}
