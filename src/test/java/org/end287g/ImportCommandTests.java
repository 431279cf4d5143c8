package org.end287g;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.end287g.campaigns.TestCampaigns;
import org.end287g.tracker.TrackerFixture;
import org.end287g.tracker.importing.SharedData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar end287g.jar import PATH}: the campaigns, made after the import's
 * commit on another thread, exist when the command returns (before the process would
 * exit), and each sheet's were done before the next sheet was applied.
 */
@SpringBootTest
class ImportCommandTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCampaignsOfTheImportedSheetsExistWhenTheCommandReturns() {
		new TrackerFixture(this.jdbc).clear();
		TestCampaigns.clear(this.jdbc);
		List<String> sheets = Stream
			.of("participatingAgencies06262025am.xlsx", "pendingAgencies06262025am.xlsx",
					"participatingAgencies06272025am.xlsx", "pendingAgencies06272025am.xlsx",
					"pendingAgencies06302025am.xlsx")
			.map((name) -> SharedData.file(name).toString())
			.toList();
		OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
		PrintStream original = System.out;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit;
		try {
			System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
			List<String> args = new ArrayList<>(List.of("import"));
			args.addAll(sheets);
			exit = End287gApplication.runCommand(args.toArray(String[]::new));
		}
		finally {
			System.setOut(original);
		}
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(output).isZero();
		assertThat(output).contains("ACCEPTED pendingAgencies06302025am.xlsx").doesNotContain("WARNING");
		assertThat(output.lines().filter((line) -> line.startsWith("ACCEPTED "))).hasSize(5);
		long listed = count("select count(distinct agency_id) from agreement where status in ('ACTIVE', 'PENDING')");
		assertThat(listed).isPositive();
		// every agency listed on some sheet has its campaign; those listed no more may
		// have won
		assertThat(count("select count(*) from campaigns"))
			.isEqualTo(count("select count(distinct agency_id) from agreement"));
		assertThat(count("""
				select count(*) from campaigns c where (c.status = 'POSSIBLE_WIN') = (c.agency_slug in (
				select a.slug from agency a join agreement g on g.agency_id = a.id
				where g.status in ('ACTIVE', 'PENDING')))""")).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from event_publication where publication_date >= ? and status <> 'COMPLETED'")
			.param(started)
			.query(Long.class)
			.single()).isZero();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
