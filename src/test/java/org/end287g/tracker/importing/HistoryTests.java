package org.end287g.tracker.importing;

import java.nio.file.Path;
import java.util.List;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Statuses, dates and events derived from a small sequence of sheets. */
@SpringBootTest
class HistoryTests {

	@Autowired
	IceSheets sheets;

	@Autowired
	SheetStore store;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	@BeforeEach
	void empty() {
		this.store.deleteAll();
	}

	@Test
	void pendingThenActiveThenRemovedThenRelisted() throws Exception {
		importSheet(pending(true), "pendingAgencies05012025am.xlsx");
		importSheet(participating(true, "Gaston County Sheriff's Office"), "participatingAgencies05022025am.xlsx");
		importSheet(pending(false), "pendingAgencies05022025pm.xlsx");
		assertThat(gaston()).isEqualTo("ACTIVE|2025-05-01 00:00:00|2025-05-02 00:00:00|null");
		ImportResult removal = importSheet(participating(false, null), "participatingAgencies05032025pm.xlsx");
		assertThat(removal.removed()).isOne();
		assertThat(gaston()).isEqualTo("REMOVED|2025-05-01 00:00:00|2025-05-02 00:00:00|2025-05-03 12:00:00");
		importSheet(participating(true, "Gaston County Sheriff's Office"), "participatingAgencies05042025am.xlsx");
		assertThat(gaston()).isEqualTo("ACTIVE|2025-05-01 00:00:00|2025-05-04 00:00:00|null");
		assertThat(events()).containsExactly("LISTED_PENDING 2025-05-01 00:00:00",
				"MOVED_TO_ACTIVE 2025-05-02 00:00:00", "REMOVED 2025-05-03 12:00:00", "RELISTED 2025-05-04 00:00:00");
	}

	@Test
	void aRenameKeepsTheAgreementAndItsSlugInEitherImportOrder() throws Exception {
		Path before = participating(true, "Gaston County Sherif's Office").write(this.temp,
				"participatingAgencies05022025am.xlsx");
		Path after = participating(true, "Gaston County Sheriff's Office").write(this.temp,
				"participatingAgencies05032025am.xlsx");
		for (List<Path> order : List.of(List.of(before, after), List.of(after, before))) {
			this.store.deleteAll();
			order.forEach((file) -> this.sheets.importSheet(file, file.getFileName().toString(), SheetSource.COMMAND));
			assertThat(this.jdbc.sql("select count(*) from agreement").query(Long.class).single()).isEqualTo(6);
			assertThat(this.jdbc.sql("select name from agency where state = 'NC'").query(String.class).single())
				.isEqualTo("Gaston County Sheriff's Office");
			assertThat(this.jdbc.sql("select count(*) from agency_name where state = 'NC'").query(Long.class).single())
				.isEqualTo(2);
			assertThat(events()).containsExactly("LISTED_ACTIVE 2025-05-02 00:00:00", "RENAMED 2025-05-03 00:00:00");
		}
	}

	private ImportResult importSheet(TestWorkbook book, String name) throws Exception {
		return this.sheets.importSheet(book.write(this.temp, name), name, SheetSource.COMMAND);
	}

	private static TestWorkbook pending(boolean withGaston) {
		TestWorkbook book = new TestWorkbook().row("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE");
		for (String town : List.of("Pending Town A", "Pending Town B", "Pending Town C", "Pending Town D")) {
			book.row("TEXAS", town, "Municipality", "#N/A", "Warrant Service Officer");
		}
		if (withGaston) {
			book.row("NORTH CAROLINA", "Gaston County Sheriff's Office", "County", "Gaston County",
					"Jail Enforcement Model");
		}
		return book;
	}

	/** Five Texas agreements that never change, and Gaston when a name is given. */
	private static TestWorkbook participating(boolean withGaston, String gastonName) {
		TestWorkbook book = TestWorkbook.participating();
		for (int i = 1; i <= 5; i++) {
			book.row("TEXAS", "Town " + "ABCDE".charAt(i - 1) + " Police Department", "Municipality", "#N/A",
					"Task Force Model", 45790, "link pending");
		}
		if (withGaston) {
			book.row("NORTH CAROLINA", gastonName, "County", "Gaston County", "Jail Enforcement Model", 43991, "link");
		}
		return book;
	}

	private String gaston() {
		return this.jdbc
			.sql("select g.status || '|' || g.first_listed || '|' || l.last_listed || '|' || coalesce(cast(g.removed_at as varchar(30)), 'null') "
					+ "from agreement g join agency a on a.id = g.agency_id join agreement_listing l on l.id = g.id "
					+ "where a.slug like 'nc-gaston%'")
			.query(String.class)
			.single()
			.replace(".0", "");
	}

	private List<String> events() {
		return this.jdbc.sql(
				"select e.kind || ' ' || e.occurred_at from agreement_event e join agreement g on g.id = e.agreement_id "
						+ "join agency a on a.id = g.agency_id where a.state = 'NC' order by e.occurred_at, e.kind")
			.query(String.class)
			.list()
			.stream()
			.map((event) -> event.replace(".0", ""))
			.toList();
	}

}
