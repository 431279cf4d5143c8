package org.end287g.campaigns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ICE's real sheets (beside the repository, system property end287g.shared-data) imported
 * in publication order through the importer: campaigns follow the agencies.
 */
@SpringBootTest
class SharedSheetsCampaignTests {

	private static final Pattern NAME = Pattern
		.compile("(participating|pending)Agencies(\\d{2})(\\d{2})(\\d{4})(am|pm)\\.xlsx");

	@Autowired
	IceSheets sheets;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyListedAgencyHasExactlyOneCampaignAfterTheWholeSequence() throws IOException {
		List<Path> files = sharedSheetsInPublicationOrder();
		new TrackerFixture(this.jdbc).clear();
		this.jdbc.sql("delete from campaigns").update();
		for (Path sheet : files) {
			ImportResult result = this.sheets.importSheet(sheet, sheet.getFileName().toString(), SheetSource.COMMAND);
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
		this.jdbc.sql("delete from campaigns").update();
		assertThat(this.campaigns.createMissing()).isEqualTo(listedNow);
		assertThat(count("select count(*) from campaigns")).isEqualTo(listedNow);
		assertThat(this.campaigns.createMissing()).isZero();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static List<Path> sharedSheetsInPublicationOrder() throws IOException {
		Path folder = Path.of(System.getProperty("end287g.shared-data", "../shared/data/ice-287g"));
		assumeTrue(Files.isDirectory(folder),
				"ICE's sheets not found at " + folder + ": skipping (set end287g.shared-data)");
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
				.sorted(Comparator.comparing(SharedSheetsCampaignTests::publication))
				.toList();
		}
	}

	/** yyyymmdd, am before pm, pending before participating on the same half day. */
	private static String publication(Path file) {
		Matcher name = NAME.matcher(file.getFileName().toString());
		name.matches();
		return name.group(4) + name.group(2) + name.group(3) + name.group(5)
				+ ("pending".equals(name.group(1)) ? "0" : "1");
	}

}
