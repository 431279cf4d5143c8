package org.end287g;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
 * exit).
 */
@SpringBootTest
class ImportCommandTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCampaignsOfTheImportedSheetExistWhenTheCommandReturns() {
		new TrackerFixture(this.jdbc).clear();
		TestCampaigns.clear(this.jdbc);
		String sheet = SharedData.file("pendingAgencies06302025am.xlsx").toString();
		OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
		PrintStream original = System.out;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit;
		try {
			System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
			exit = End287gApplication.runCommand(new String[] { "import", sheet });
		}
		finally {
			System.setOut(original);
		}
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(output).isZero();
		assertThat(output).contains("ACCEPTED pendingAgencies06302025am.xlsx").doesNotContain("WARNING");
		long listed = count("select count(distinct agency_id) from agreement where status in ('ACTIVE', 'PENDING')");
		assertThat(listed).isPositive();
		assertThat(count("select count(*) from campaigns")).isEqualTo(listed);
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
