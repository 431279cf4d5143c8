package org.end287g.campaigns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.end287g.AfterCommitListeners;
import org.end287g.Staff;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.end287g.tracker.TrackerFixture;
import org.end287g.tracker.importing.SharedData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ICE's real sheets (beside the repository, system property end287g.shared-data) imported
 * in publication order through the importer: campaigns follow the agencies.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SharedSheetsCampaignTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IceSheets sheets;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void everyListedAgencyHasExactlyOneCampaignAfterTheWholeSequence() throws IOException {
		List<Path> files = SharedData.inPublicationOrder();
		new TrackerFixture(this.jdbc).clear();
		TestCampaigns.clear(this.jdbc);
		for (Path sheet : files) {
			Instant since = AfterCommitListeners.now(this.context);
			ImportResult result = this.sheets.importSheet(sheet, sheet.getFileName().toString(), SheetSource.COMMAND);
			AfterCommitListeners.awaitSince(this.context, since);
			assertThat(result.summary()).doesNotContain("REJECTED");
		}
		long listedNow = count("select count(distinct agency_id) from agreement where status in ('ACTIVE', 'PENDING')");
		assertThat(listedNow).isGreaterThan(100);
		// created sheet by sheet as agencies first appeared: an agency later removed
		// keeps
		// its campaign, every agency ever listed has one, and none twice
		assertThat(count("select count(*) from campaigns"))
			.isEqualTo(count("select count(distinct agency_id) from agreement"));
		assertThat(count("select count(*) from agency a where not exists "
				+ "(select 1 from campaigns c where c.agency_slug = a.slug) and exists (select 1 from agreement g "
				+ "where g.agency_id = a.id and g.status in ('ACTIVE', 'PENDING'))"))
			.isZero();
		assertThat(count("select count(*) from campaigns where slug like '%--%' or slug like '%-'")).isZero();
		// ICE renamed Indialantic to Indiatlantic: the campaign keeps its first address
		Campaign renamed = this.campaigns.forAgency("fl-indialantic-police-department").orElseThrow();
		assertThat(renamed.slug()).isEqualTo("fl-indialantic-police-department");
		assertThat(renamed.title()).isEqualTo("Indialantic Police Department");
		// what a first start does on a database imported before campaigns existed
		TestCampaigns.clear(this.jdbc);
		assertThat(this.campaigns.createMissing()).isEqualTo(listedNow);
		assertThat(count("select count(*) from campaigns")).isEqualTo(listedNow);
		assertThat(this.campaigns.createMissing()).isZero();
	}

	@Test
	void aSheetUploadedByStaffCreatesItsCampaignsAtOnce() throws Exception {
		Path sheet = SharedData.file("pendingAgencies06302025am.xlsx");
		new TrackerFixture(this.jdbc).clear();
		TestCampaigns.clear(this.jdbc);
		Instant since = AfterCommitListeners.now(this.context);
		// the upload reads the tracker before importing (its page lists the sheets), so
		// the request's data version must not hide the import from the listener
		this.mvc
			.perform(multipart("/admin/import").file(new MockMultipartFile("file", sheet.getFileName().toString(),
					"application/octet-stream", Files.readAllBytes(sheet)))
				.with(Staff.admin())
				.with(csrf()))
			.andExpect(status().isOk());
		AfterCommitListeners.awaitSince(this.context, since);
		long listed = count("select count(distinct agency_id) from agreement where status in ('ACTIVE', 'PENDING')");
		assertThat(listed).isPositive();
		assertThat(count("select count(*) from campaigns")).isEqualTo(listed);
	}

	@Test
	void theCampaignsOfAnImportAreRecordedAsACompletedPublication() throws Exception {
		Path sheet = SharedData.file("pendingAgencies06302025am.xlsx");
		new TrackerFixture(this.jdbc).clear();
		TestCampaigns.clear(this.jdbc);
		Instant since = AfterCommitListeners.now(this.context);
		ImportResult result = this.sheets.importSheet(sheet, sheet.getFileName().toString(), SheetSource.COMMAND);
		assertThat(result.accepted()).isTrue();
		AfterCommitListeners.awaitSince(this.context, since);
		long listed = count("select count(distinct agency_id) from agreement where status in ('ACTIVE', 'PENDING')");
		assertThat(listed).isPositive();
		assertThat(count("select count(*) from campaigns")).isEqualTo(listed);
		List<String> publications = this.jdbc.sql("""
				select listener_id || ' ' || status || case when completion_date is null then '' else ' at' end
				from event_publication
				where event_type = ? and publication_date >= ? order by listener_id""")
			.params(IceSheetImported.class.getName(), since.atOffset(ZoneOffset.UTC))
			.query(String.class)
			.list();
		assertThat(publications).containsExactly("alerts.mail-after-import COMPLETED at",
				"campaigns.create-missing-after-import COMPLETED at",
				"campaigns.possible-wins-after-import COMPLETED at", "impact.draft-wins-after-import COMPLETED at");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
