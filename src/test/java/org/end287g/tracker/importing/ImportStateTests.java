package org.end287g.tracker.importing;

import java.nio.file.Path;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult.Status;
import org.end287g.tracker.SheetSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The importer's copy of agencies and agreements between sheets: kept on PostgreSQL while
 * only the importer writes, read again after any other write or a sheet that was held
 * (rolled back), and read for every sheet elsewhere. Each case ends as if every sheet had
 * read the tables.
 */
@SpringBootTest
class ImportStateTests {

	@Autowired
	IceSheets sheets;

	@Autowired
	SheetStore store;

	@Autowired
	ImportState state;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@TempDir
	Path temp;

	@BeforeEach
	void empty() {
		this.store.deleteAll();
	}

	@Test
	void consecutiveSheetsReadTheTablesOnceOnPostgresqlAndEveryTimeElsewhere() throws Exception {
		long before = this.state.loads();
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx");
		importSheet(GuardSheets.participating(1, 31), "participatingAgencies05022025am.xlsx");
		importSheet(GuardSheets.participating(2, 32), "participatingAgencies05032025am.xlsx");
		assertThat(this.state.loads() - before).isEqualTo(postgresql() ? 1 : 3);
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agreement where status = 'ACTIVE'"))
			.isEqualTo(31);
	}

	@Test
	void aWriteByAnyoneElseBetweenSheetsIsSeen() throws Exception {
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx");
		String town = GuardSheets.town(5);
		this.jdbc.sql("update agency set name = 'Renamed by hand', issues = 'BY_HAND' where name = ?")
			.param(town)
			.update();
		this.jdbc.sql("update agreement set moa_url = 'https://example.org/by-hand.pdf'").update();
		long before = this.state.loads();
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05022025am.xlsx");
		assertThat(this.state.loads() - before).isOne();
		// the sheet's values are written back: the importer knew the tables had changed
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agency where name = 'Renamed by hand'"))
			.isZero();
		assertThat(ImporterTestSupport.count(this.jdbc,
				"select count(*) from agreement where moa_url = 'https://example.org/by-hand.pdf'"))
			.isZero();
	}

	@Test
	void aHeldSheetLeavesNothingOfWhatItWrote() throws Exception {
		importSheet(GuardSheets.participating(1, 60), "participatingAgencies05012025am.xlsx");
		// most agencies vanish and five new ones appear: held, rolled back
		TestWorkbook broken = GuardSheets.participatingWith(GuardSheets.participating(1, 35), 201, 205);
		assertThat(importSheet(broken, "participatingAgencies05082025am.xlsx")).isEqualTo(Status.HELD);
		long before = this.state.loads();
		TestWorkbook next = GuardSheets.participatingWith(GuardSheets.participating(1, 60), 201, 202);
		assertThat(importSheet(next, "participatingAgencies05152025am.xlsx")).isEqualTo(Status.ACCEPTED);
		assertThat(this.state.loads() - before).isOne();
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agency")).isEqualTo(62);
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agreement where status = 'ACTIVE'"))
			.isEqualTo(62);
		assertThat(ImporterTestSupport.count(this.jdbc,
				"select count(*) from agreement_event where kind = 'LISTED_ACTIVE'"))
			.isEqualTo(62);
	}

	@Test
	void readAheadIsUsedUnlessSomethingWritesBeforeTheSheet() throws Exception {
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx");
		this.state.forget();
		long before = this.state.loads();
		this.state.preload();
		importSheet(GuardSheets.participating(1, 31), "participatingAgencies05022025am.xlsx");
		// on PostgreSQL the read ahead serves the sheet; elsewhere the sheet reads
		assertThat(this.state.loads() - before).isOne();
		this.state.preload();
		this.jdbc.sql("update agency set issues = 'BY_HAND'").update();
		importSheet(GuardSheets.participating(1, 32), "participatingAgencies05032025am.xlsx");
		assertThat(this.state.loads() - before).isEqualTo(postgresql() ? 3 : 2);
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agency where issues = 'BY_HAND'"))
			.isZero();
	}

	@Test
	void theWriteCountGrowsOnceForEachTransactionThatWritesHoweverManyStatementsItRuns() throws Exception {
		assumeTrue(postgresql(), "the write count exists on PostgreSQL only (V59_2, V62)");
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx");
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		long before = writes();
		transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < 50; i++) {
				this.jdbc.sql("update agency set issues = ?").param("BY_HAND_" + i).update();
				this.jdbc.sql("update agreement set raw_signed = ?").param("by hand " + i).update();
			}
		});
		assertThat(writes() - before).isOne();
		transaction.executeWithoutResult(
				(status) -> this.jdbc.sql("delete from agency_name where name_key = 'nothing such'").update());
		assertThat(writes() - before).isEqualTo(2);
		// a transaction that only reads counts nothing; one rolled back leaves no count
		transaction
			.executeWithoutResult((status) -> this.jdbc.sql("select count(*) from agency").query().singleValue());
		transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("update agency set issues = null").update();
			status.setRollbackOnly();
		});
		assertThat(writes() - before).isEqualTo(2);
	}

	private long writes() {
		return ImporterTestSupport.count(this.jdbc, "select n from tracker_writes");
	}

	private Status importSheet(TestWorkbook book, String name) throws Exception {
		return this.sheets.importSheet(book.write(this.temp, name), name, SheetSource.COMMAND).status();
	}

	private boolean postgresql() {
		return ImporterTestSupport.count(this.jdbc,
				"select count(*) from information_schema.tables where lower(table_name) = 'tracker_writes'") > 0;
	}

}
