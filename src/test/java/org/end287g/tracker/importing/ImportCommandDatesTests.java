package org.end287g.tracker.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The import command's --published option and how it reports a held sheet. */
@SpringBootTest
class ImportCommandDatesTests {

	@Autowired
	SheetImporter sheets;

	@Autowired
	ImportFollowUps followUps;

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
	void aNameWithoutADateTakesThePublishedOptionAndSaysSo() throws Exception {
		Path file = GuardSheets.participating(1, 5).write(this.temp, "287gParticipatingAgencies.xlsx");
		ImportCommand command = new ImportCommand(this.sheets, this.followUps);
		command.run(new DefaultApplicationArguments("import", "--published=2026-09-15T12:00", file.toString()));
		assertThat(command.getExitCode()).isZero();
		assertThat(this.jdbc.sql("select published_at from ice_sheet").query(LocalDateTime.class).single())
			.isEqualTo(LocalDateTime.parse("2026-09-15T12:00"));
		assertThat(this.jdbc.sql("select date_source from ice_sheet").query(String.class).single()).isEqualTo("OPTION");
		ImportCommand spaced = new ImportCommand(this.sheets, this.followUps);
		spaced.run(new DefaultApplicationArguments("import", "--published", "2026-09-15T12:00", file.toString()));
		assertThat(spaced.getExitCode()).isZero();
		ImportCommand missing = new ImportCommand(this.sheets, this.followUps);
		missing.run(new DefaultApplicationArguments("import", file.toString(), "--published"));
		assertThat(missing.getExitCode()).isEqualTo(2);
		String output = run(List.of(file.toString()), "2026-09-15T12:00", 0);
		assertThat(output).contains("ALREADY_IMPORTED").contains("published=2026-09-15T12:00 date-from=option");
	}

	@Test
	void aNameWithoutADateAndNoOptionIsAClearError() throws Exception {
		Path file = GuardSheets.participating(1, 5).write(this.temp, "participatingAgencies.xlsx");
		String output = run(List.of(file.toString()), null, 1);
		assertThat(output).contains("REJECTED participatingAgencies.xlsx")
			.contains("no publication date")
			.contains("with errors");
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from ice_sheet")).isZero();
	}

	@Test
	void aNamedDateIsReportedAsComingFromTheName() throws Exception {
		Path file = GuardSheets.participating(1, 5).write(this.temp, "ParticipatingAgency091826am.xlsx");
		assertThat(run(List.of(file.toString()), null, 0)).contains("published=2026-09-18T00:00 date-from=name");
	}

	@Test
	void badOrMisusedOptionsAreUsageErrors() throws Exception {
		Path one = GuardSheets.participating(1, 5).write(this.temp, "participatingAgencies.xlsx");
		Path two = GuardSheets.pending(1, 5).write(this.temp, "pendingAgencies.xlsx");
		assertThat(run(List.of(one.toString()), "yesterday", 2)).contains("--published must be a date");
		assertThat(run(List.of(one.toString()), "", 2)).contains("--published must be a date");
		assertThat(run(List.of(one.toString()), "2026-02-30T12:00", 2)).contains("--published must be a date");
		assertThat(run(List.of(one.toString(), two.toString()), "2026-09-15T12:00", 2))
			.contains("applies to exactly one file");
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from ice_sheet")).isZero();
	}

	@Test
	void aHeldSheetIsReportedWithItsOwnExitCodeAndLaterSheetsAreImported() throws Exception {
		Path folder = this.temp.resolve("sheets");
		java.nio.file.Files.createDirectories(folder);
		GuardSheets.participating(1, 60).write(folder, "participatingAgencies05012025am.xlsx");
		GuardSheets.participating(1, 20).write(folder, "participatingAgencies05082025am.xlsx");
		GuardSheets.participating(1, 61).write(folder, "participatingAgencies05152025am.xlsx");
		String output = run(List.of(folder.toString()), null, ImportCommand.HELD);
		assertThat(output).contains("HELD participatingAgencies05082025am.xlsx")
			.contains("ACCEPTED participatingAgencies05152025am.xlsx")
			.contains("imported 3 file(s), 1 held for staff review at /admin/import");
	}

	private String run(List<String> paths, String published, int expectedExit) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = new ImportCommand(this.sheets, this.followUps).run(paths, published,
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(output).isEqualTo(expectedExit);
		return output;
	}

}
