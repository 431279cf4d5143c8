package org.end287g.tracker.importing;

import java.nio.file.Path;
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
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.willCallRealMethod;
import static org.mockito.BDDMockito.willThrow;

/** Broken publications and failures halfway change nothing. */
@SpringBootTest
class GuardTests {

	@Autowired
	IceSheets sheets;

	@Autowired
	IceSheetReader reader;

	@Autowired
	SheetStore store;

	@Autowired
	JdbcClient jdbc;

	@MockitoSpyBean
	AgreementHistory history;

	@TempDir
	Path temp;

	@BeforeEach
	void empty() {
		willCallRealMethod().given(this.history).recompute(anyLong());
		this.store.deleteAll();
	}

	@Test
	void aSheetThatDropsMostRowsIsHeldAndChangesNothing() throws Exception {
		Path real = SharedData.file("participatingAgencies06262025am.xlsx");
		assertThat(this.sheets.importSheet(real, real.getFileName().toString(), SheetSource.COMMAND).status())
			.isEqualTo(Status.ACCEPTED);
		List<String> before = ImporterTestSupport.agreements(this.jdbc);
		List<String> events = ImporterTestSupport.events(this.jdbc);
		String name = "participatingAgencies06272025am.xlsx";
		Path truncated = firstRows(SharedData.file(name), 300).write(this.temp, name);
		ImportResult result = this.sheets.importSheet(truncated, name, SheetSource.COMMAND);
		assertThat(result.status()).isEqualTo(Status.HELD);
		assertThat(result.messageKey()).isEqualTo("import.held.vanished");
		assertThat(ImporterTestSupport.agreements(this.jdbc)).isEqualTo(before);
		assertThat(ImporterTestSupport.events(this.jdbc)).isEqualTo(events);
		assertThat(this.jdbc.sql("select count(*) from ice_sheet where not accepted and review = 'HELD'")
			.query(Long.class)
			.single()).isOne();
		assertThat((long) ImporterTestSupport.rows(this.jdbc).size())
			.isEqualTo(this.jdbc.sql("select sum(row_count) from ice_sheet where accepted").query(Long.class).single());
	}

	@Test
	void aFailureHalfwayRollsTheWholeImportBack() throws Exception {
		Path first = SharedData.file("participatingAgencies06262025am.xlsx");
		this.sheets.importSheet(first, first.getFileName().toString(), SheetSource.COMMAND);
		List<String> before = ImporterTestSupport.agreements(this.jdbc);
		long sheets = this.jdbc.sql("select count(*) from ice_sheet").query(Long.class).single();
		long rows = ImporterTestSupport.rows(this.jdbc).size();
		long agencies = this.jdbc.sql("select count(*) from agency_name").query(Long.class).single();
		willThrow(new IllegalStateException("injected failure")).given(this.history).recompute(anyLong());
		Path second = SharedData.file("pendingAgencies06272025am.xlsx");
		assertThatThrownBy(() -> this.sheets.importSheet(second, second.getFileName().toString(), SheetSource.COMMAND))
			.hasMessageContaining("injected failure");
		assertThat(this.jdbc.sql("select count(*) from ice_sheet").query(Long.class).single()).isEqualTo(sheets);
		assertThat(ImporterTestSupport.rows(this.jdbc)).hasSize((int) rows);
		assertThat(this.jdbc.sql("select count(*) from agency_name").query(Long.class).single()).isEqualTo(agencies);
		assertThat(ImporterTestSupport.agreements(this.jdbc)).isEqualTo(before);
	}

	private TestWorkbook firstRows(Path real, int count) {
		TestWorkbook book = TestWorkbook.participating();
		for (RawRow row : this.reader.read(real).subList(0, count)) {
			book.row(row.state(), row.agency(), row.kind(), row.county(), row.model(), row.signed(), row.moa());
		}
		return book;
	}

}
