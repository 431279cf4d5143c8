package org.end287g.tracker.reading;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.TrackerFixture;
import org.end287g.tracker.TrackerReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a long maximum age the version is not re-read on every request, but this
 * instance's own import is seen as soon as it commits.
 */
@SpringBootTest(properties = "end287g.tracker.data-version-max-age=1h")
class DataVersionTests {

	@Autowired
	TrackerReader reader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void outsideAnyRequest() {
		// The test framework binds a mock request to the thread, and a request keeps its
		// version.
		RequestContextHolder.resetRequestAttributes();
	}

	@AfterEach
	void clear() {
		new TrackerFixture(this.jdbc).clear();
	}

	@Test
	void keepsAReadingUntilItIsTooOldOrThisInstanceImports() {
		String before = this.reader.dataVersion();
		long sheet = insertSheet();
		assertThat(this.reader.dataVersion()).as("another instance's write, within the maximum age").isEqualTo(before);

		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new IceSheetImported(sheet, "PARTICIPATING", LocalDateTime.now())));

		assertThat(this.reader.dataVersion()).isNotEqualTo(before);
	}

	@Test
	void anImportThatRollsBackKeepsTheReading() {
		String before = this.reader.dataVersion();
		insertSheet();
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new IceSheetImported(1, "PARTICIPATING", LocalDateTime.now()));
			status.setRollbackOnly();
		});
		assertThat(this.reader.dataVersion()).isEqualTo(before);
	}

	private long insertSheet() {
		int inserted = this.jdbc.sql("""
				insert into ice_sheet (list, published_at, file_name, sha256, row_count, accepted, source, imported_at)
				values ('PARTICIPATING', ?, 'participatingAgencies06272025am.xlsx', ?, 1, true, 'COMMAND', ?)
				""")
			.params(LocalDateTime.of(2025, 6, 27, 0, 0), Long.toHexString(System.nanoTime()), OffsetDateTime.now())
			.update();
		return (inserted > 0) ? this.jdbc.sql("select max(id) from ice_sheet").query(Long.class).single() : -1;
	}

}
