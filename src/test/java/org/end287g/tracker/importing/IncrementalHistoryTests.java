package org.end287g.tracker.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sheet applied on top of the stored history leaves exactly what a replay of every
 * sheet leaves: statuses, dates, names and change records.
 */
@SpringBootTest
@RecordApplicationEvents
class IncrementalHistoryTests {

	@Autowired
	IceSheets sheets;

	@Autowired
	SheetStore store;

	@Autowired
	AgreementHistory history;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	@BeforeEach
	void empty() {
		this.store.deleteAll();
	}

	@Test
	void iceSheetsInPublicationOrderMatchAFullReplay() throws Exception {
		List<Path> files = SharedData.inPublicationOrder();
		long replaysBefore = this.history.fullReplays();
		files.forEach(this::importFile);
		long replays = this.history.fullReplays() - replaysBefore;
		// only a participating sheet after the pending sheet of the same half day replays
		assertThat(replays).isLessThan(files.size() / 2);
		assertSameAsFullReplay();
	}

	@Test
	void iceSheetsInShuffledOrderMatchAFullReplay() throws Exception {
		List<Path> files = new ArrayList<>(SharedData.inPublicationOrder());
		Collections.shuffle(files, new Random(287));
		files.forEach(this::importFile);
		assertSameAsFullReplay();
	}

	@Test
	void removedRelistedRenamedAndMovedAgreementsMatchAFullReplayWithoutOne() throws Exception {
		long replaysBefore = this.history.fullReplays();
		for (int day = 1; day <= 8; day++) {
			importSheet(pending(day), "pendingAgencies05%02d2025am.xlsx".formatted(day));
			importSheet(participating(day), "participatingAgencies05%02d2025pm.xlsx".formatted(day));
		}
		assertThat(this.history.fullReplays()).isEqualTo(replaysBefore);
		assertThat(events("Lincoln")).containsExactly("LISTED_PENDING", "MOVED_TO_ACTIVE", "REMOVED", "RELISTED");
		assertThat(events("Gaston")).containsExactly("LISTED_ACTIVE", "RENAMED", "RENAMED");
		assertSameAsFullReplay();
	}

	@Test
	void aSheetPublishedInTheMiddleReplaysFromItsPositionAndEqualsTheInOrderImport(ApplicationEvents published)
			throws Exception {
		for (int day : List.of(1, 2, 3, 5, 6, 7, 8)) {
			importSheet(participating(day), "participatingAgencies05%02d2025pm.xlsx".formatted(day));
		}
		ImportResult late = importSheet(participating(4), "participatingAgencies05042025pm.xlsx");
		assertThat(late.status()).isEqualTo(ImportResult.Status.ACCEPTED);
		// the followers of a sheet applied on top of the history may look at its changes
		// alone; after the late one, at everything
		assertThat(published.stream(IceSheetImported.class).map(IceSheetImported::incremental)).containsExactly(true,
				true, true, true, true, true, true, false);
		List<String> lateAgreements = agreements();
		List<String> lateEvents = ImporterTestSupport.events(this.jdbc);
		assertSameAsFullReplay();
		this.store.deleteAll();
		for (int day = 1; day <= 8; day++) {
			importSheet(participating(day), "participatingAgencies05%02d2025pm.xlsx".formatted(day));
		}
		assertThat(agreements()).isEqualTo(lateAgreements);
		assertThat(ImporterTestSupport.events(this.jdbc)).isEqualTo(lateEvents);
	}

	@Test
	void aHistoryWrittenBeforeNamesWereKeptIsRepairedByTheNextSheet() throws Exception {
		for (int day = 1; day <= 3; day++) {
			importSheet(participating(day), "participatingAgencies05%02d2025pm.xlsx".formatted(day));
		}
		this.jdbc.sql("update agreement set listed_as = null").update();
		long replaysBefore = this.history.fullReplays();
		importSheet(participating(4), "participatingAgencies05042025pm.xlsx");
		assertThat(this.history.fullReplays()).isEqualTo(replaysBefore + 1);
		assertThat(ImporterTestSupport.count(this.jdbc,
				"select count(*) from agreement where listed_as is null and status <> 'REMOVED'"))
			.isZero();
		assertSameAsFullReplay();
	}

	@Test
	void anAgreementListedAgainIsNotWrittenAgainYetItsLastListingMoves() throws Exception {
		for (int day = 1; day <= 2; day++) {
			importSheet(participating(day), "participatingAgencies05%02d2025pm.xlsx".formatted(day));
		}
		assertThat(this.jdbc.sql("""
				select g.last_listed || ' ' || l.last_listed from agreement g
				join agency a on a.id = g.agency_id join agreement_listing l on l.id = g.id
				where a.name = 'Town A Police Department'""").query(String.class).single().replace(".0", ""))
			.as("the row keeps its first listing; the view gives the sheet of day 2")
			.isEqualTo("2025-05-01 12:00:00 2025-05-02 12:00:00");
		assertThat(ImporterTestSupport.wrongLastListings(this.jdbc)).isEmpty();
	}

	private void assertSameAsFullReplay() {
		List<String> agreements = agreements();
		List<String> events = ImporterTestSupport.events(this.jdbc);
		assertThat(agreements).isNotEmpty();
		assertThat(events).isNotEmpty();
		assertThat(ImporterTestSupport.wrongLastListings(this.jdbc)).isEmpty();
		this.history.replayAll();
		assertThat(agreements()).isEqualTo(agreements);
		assertThat(ImporterTestSupport.events(this.jdbc)).isEqualTo(events);
		assertThat(ImporterTestSupport.wrongLastListings(this.jdbc)).isEmpty();
	}

	private List<String> agreements() {
		List<String> names = this.jdbc
			.sql("select a.state || '|' || a.name || '|' || g.model || '|' || coalesce(g.listed_as, '-') "
					+ "from agreement g join agency a on a.id = g.agency_id order by a.state, a.name, g.model")
			.query(String.class)
			.list();
		List<String> rows = new ArrayList<>(ImporterTestSupport.agreements(this.jdbc));
		rows.addAll(names);
		return rows;
	}

	private List<String> events(String agency) {
		return this.jdbc
			.sql("select e.kind from agreement_event e join agreement g on g.id = e.agreement_id "
					+ "join agency a on a.id = g.agency_id where a.name like ? order by e.occurred_at, e.id")
			.param(agency + "%")
			.query(String.class)
			.list();
	}

	private void importFile(Path file) {
		this.sheets.importSheet(file, file.getFileName().toString(), SheetSource.COMMAND);
	}

	private ImportResult importSheet(TestWorkbook book, String name) throws Exception {
		return this.sheets.importSheet(book.write(this.temp, name), name, SheetSource.COMMAND);
	}

	/** Lincoln is pending on days 1 to 3, then moves to the participating list. */
	private static TestWorkbook pending(int day) {
		TestWorkbook book = new TestWorkbook().row("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE");
		for (String town : List.of("Pending Town A", "Pending Town B")) {
			book.row("TEXAS", town, "Municipality", "#N/A", "Warrant Service Officer");
		}
		if (day <= 3) {
			book.row("NORTH CAROLINA", "Lincoln County Sheriff's Office", "County", "Lincoln County",
					"Jail Enforcement Model");
		}
		return book;
	}

	/**
	 * Five steady Texas towns; Lincoln listed from day 3, gone on day 5, back on day 7;
	 * Gaston renamed on day 4 and back on day 6; a town that comes on day 5 and goes on
	 * day 8.
	 */
	private static TestWorkbook participating(int day) {
		TestWorkbook book = TestWorkbook.participating();
		for (int i = 1; i <= 5; i++) {
			book.row("TEXAS", "Town " + "ABCDE".charAt(i - 1) + " Police Department", "Municipality", "#N/A",
					"Task Force Model", 45790, "link pending");
		}
		String gaston = (day == 4 || day == 5) ? "Gaston County Sherif's Office" : "Gaston County Sheriff's Office";
		book.row("NORTH CAROLINA", gaston, "County", "Gaston County", "Jail Enforcement Model", 43991, "link");
		if (day >= 3 && day != 5 && day != 6) {
			book.row("NORTH CAROLINA", "Lincoln County Sheriff's Office", "County", "Lincoln County",
					"Jail Enforcement Model", 45800, "link");
		}
		if (day >= 5 && day < 8) {
			book.row("TEXAS", "Town F Police Department", "Municipality", "#N/A", "Task Force Model", 45790, "link");
		}
		return book;
	}

}
