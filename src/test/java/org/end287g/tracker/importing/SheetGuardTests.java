package org.end287g.tracker.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.ImportResult.Status;
import org.end287g.tracker.SheetSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard tells a list that moved from a broken publication: constructed lists, then
 * every real sheet ICE published.
 */
@SpringBootTest
class SheetGuardTests {

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
	void pendingShrinksBecauseItsAgenciesMovedToParticipatingAndIsAccepted() throws Exception {
		assertThat(importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx").status())
			.isEqualTo(Status.ACCEPTED);
		assertThat(importSheet(GuardSheets.pending(101, 151), "pendingAgencies05012025am.xlsx").status())
			.isEqualTo(Status.ACCEPTED);
		// ICE signs 31 pending agencies: participating grows, pending goes from 51 rows
		// to 20
		TestWorkbook grown = GuardSheets.participatingWith(GuardSheets.participating(1, 30), 101, 131);
		assertThat(importSheet(grown, "participatingAgencies05082025am.xlsx").status()).isEqualTo(Status.ACCEPTED);
		ImportResult shrunk = importSheet(GuardSheets.pending(132, 151), "pendingAgencies05082025am.xlsx");
		assertThat(shrunk.status()).as(shrunk.summary()).isEqualTo(Status.ACCEPTED);
		assertThat(this.store.heldCount()).isZero();
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agreement where status = 'PENDING'"))
			.isEqualTo(20);
	}

	@Test
	void agenciesVanishingToNowhereHoldTheSheetWhichChangesNothing() throws Exception {
		importSheet(GuardSheets.participating(1, 60), "participatingAgencies05012025am.xlsx");
		importSheet(GuardSheets.pending(101, 110), "pendingAgencies05012025am.xlsx");
		List<String> agreements = ImporterTestSupport.agreements(this.jdbc);
		List<String> events = ImporterTestSupport.events(this.jdbc);
		long agencies = ImporterTestSupport.count(this.jdbc, "select count(*) from agency");
		// 25 of 60 gone, on neither list; 5 new ones
		TestWorkbook broken = GuardSheets.participatingWith(GuardSheets.participating(1, 35), 201, 205);
		ImportResult held = importSheet(broken, "participatingAgencies05082025am.xlsx");
		assertThat(held.status()).as(held.summary()).isEqualTo(Status.HELD);
		assertThat(held.messageKey()).isEqualTo("import.held.vanished");
		assertThat(held.messageArguments()).containsExactly(25, 60, 0, 5);
		assertThat(held.summary()).startsWith("HELD ").contains("held for staff at /admin/import");
		assertThat(ImporterTestSupport.agreements(this.jdbc)).isEqualTo(agreements);
		assertThat(ImporterTestSupport.events(this.jdbc)).isEqualTo(events);
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agency")).isEqualTo(agencies);
		SheetSnapshot snapshot = this.store.held().get(0);
		assertThat(snapshot.accepted()).isFalse();
		assertThat(snapshot.heldVanished()).isEqualTo(25);
		assertThat(snapshot.heldAdded()).isEqualTo(5);
		assertThat(snapshot.heldNames()).hasSize(25).anyMatch((name) -> name.contains("Town 36"));
		assertThat(this.store.heldContent(snapshot.id())).isPresent();
		// offered again, it stays held; a sheet published after it is examined and
		// applied
		assertThat(importSheet(broken, "participatingAgencies05082025am.xlsx").status()).isEqualTo(Status.HELD);
		ImportResult later = importSheet(GuardSheets.participating(1, 61), "participatingAgencies05152025am.xlsx");
		assertThat(later.status()).as(later.summary()).isEqualTo(Status.ACCEPTED);
		assertThat(later.added()).isEqualTo(1);
		assertThat(this.store.heldCount()).isOne();
	}

	@Test
	void aFewRemovalsAndAgenciesMovingBackToPendingAreNormal() throws Exception {
		importSheet(GuardSheets.participating(1, 60), "participatingAgencies05012025am.xlsx");
		importSheet(GuardSheets.pending(101, 105), "pendingAgencies05012025am.xlsx");
		assertThat(importSheet(GuardSheets.pending(101, 115), "pendingAgencies05082025am.xlsx").status())
			.isEqualTo(Status.ACCEPTED);
		// 8 removed for good, 20 gone back to pending (the pending sheet published just
		// after)
		TestWorkbook pendingAgain = GuardSheets.pending(101, 115);
		for (int n = 41; n <= 60; n++) {
			pendingAgain.row("TEXAS", GuardSheets.town(n), "Municipality", "#N/A", "Warrant Service Officer");
		}
		assertThat(importSheet(pendingAgain, "pendingAgencies05152025am.xlsx").status()).isEqualTo(Status.ACCEPTED);
		ImportResult fewer = importSheet(GuardSheets.participating(1, 32), "participatingAgencies05152025pm.xlsx");
		assertThat(fewer.status()).as(fewer.summary()).isEqualTo(Status.ACCEPTED);
		assertThat(fewer.removed()).isEqualTo(8);
	}

	@Test
	void aSheetWithoutIcesHeaderIsRefusedAndChangesNothing() throws Exception {
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx");
		List<String> agreements = ImporterTestSupport.agreements(this.jdbc);
		TestWorkbook wrong = new TestWorkbook().row("NAME", "WHERE", "WHEN");
		for (int n = 1; n <= 30; n++) {
			wrong.row(GuardSheets.town(n), "Texas", "2025");
		}
		ImportResult result = importSheet(wrong, "participatingAgencies05082025am.xlsx");
		assertThat(result.status()).isEqualTo(Status.REJECTED);
		assertThat(result.messageKey()).isEqualTo("import.reject.no-header");
		assertThat(ImporterTestSupport.agreements(this.jdbc)).isEqualTo(agreements);
		assertThat(this.store.heldCount()).isZero();
	}

	@Test
	void mostRowsUnreadableHoldTheSheet() throws Exception {
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx");
		List<String> agreements = ImporterTestSupport.agreements(this.jdbc);
		TestWorkbook garbled = GuardSheets.participating(1, 10);
		for (int n = 11; n <= 30; n++) {
			garbled.row("Atlantis", GuardSheets.town(n), "Municipality", "#N/A", "Something else entirely", 45790, "");
		}
		ImportResult result = importSheet(garbled, "participatingAgencies05082025am.xlsx");
		assertThat(result.status()).as(result.summary()).isEqualTo(Status.HELD);
		assertThat(result.messageKey()).isEqualTo("import.held.unreadable-rows");
		assertThat(result.messageArguments()).containsExactly(20, 30);
		assertThat(ImporterTestSupport.agreements(this.jdbc)).isEqualTo(agreements);
	}

	@Test
	void anEmptySheetAfterAFullOneIsHeld() throws Exception {
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx");
		ImportResult empty = importSheet(TestWorkbook.participating(), "participatingAgencies05082025am.xlsx");
		assertThat(empty.status()).as(empty.summary()).isEqualTo(Status.HELD);
	}

	/**
	 * Pending before participating on the same half day: a pending sheet whose agencies
	 * ICE signed may wait for the participating sheet, and is accepted once it is in.
	 */
	@Test
	void everyRealSheetInPublicationOrderIsAcceptedNoneHeld() throws Exception {
		List<Path> files = SharedData.inPublicationOrder();
		List<String> notAccepted = new ArrayList<>();
		for (Path file : files) {
			ImportResult result = this.sheets.importSheet(file, file.getFileName().toString(), SheetSource.COMMAND);
			if (result.status() != Status.ACCEPTED && result.status() != Status.HELD) {
				notAccepted.add(result.summary());
			}
		}
		assertThat(notAccepted).isEmpty();
		assertThat(this.store.heldCount()).isZero();
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from ice_sheet where accepted"))
			.isEqualTo(files.size());
	}

	@Test
	void aPendingSheetPublishedBeforeTheParticipatingSheetThatExplainsItIsAcceptedWhenThatArrives() throws Exception {
		importSheet(GuardSheets.participating(1, 30), "participatingAgencies05012025am.xlsx");
		importSheet(GuardSheets.pending(101, 151), "pendingAgencies05012025am.xlsx");
		ImportResult early = importSheet(GuardSheets.pending(132, 151), "pendingAgencies05082025am.xlsx");
		assertThat(early.status()).as(early.summary()).isEqualTo(Status.HELD);
		TestWorkbook grown = GuardSheets.participatingWith(GuardSheets.participating(1, 30), 101, 131);
		assertThat(importSheet(grown, "participatingAgencies05082025am.xlsx").status()).isEqualTo(Status.ACCEPTED);
		assertThat(this.store.heldCount()).isZero();
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from agreement where status = 'PENDING'"))
			.isEqualTo(20);
		assertThat(ImporterTestSupport.count(this.jdbc,
				"select count(*) from audit_log where actor = 'system' and action = 'import.held.cleared'"))
			.isPositive();
	}

	@Test
	void everyRealSheetInTheCommandsOrderIsAcceptedNoneHeld() throws Exception {
		List<Path> files = new ArrayList<>(SharedData.all());
		files.sort((a, b) -> SheetFileName.ORDER.compare(a.getFileName().toString(), b.getFileName().toString()));
		for (Path file : files) {
			ImportResult result = this.sheets.importSheet(file, file.getFileName().toString(), SheetSource.COMMAND);
			assertThat(result.status()).as(result.summary()).isEqualTo(Status.ACCEPTED);
		}
	}

	private ImportResult importSheet(TestWorkbook book, String name) throws Exception {
		return this.sheets.importSheet(book.write(this.temp, name), name, SheetSource.COMMAND);
	}

}
