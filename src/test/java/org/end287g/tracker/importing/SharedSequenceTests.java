package org.end287g.tracker.importing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class SharedSequenceTests {

	@Autowired
	SheetImporter sheets;

	@Autowired
	ImportFollowUps followUps;

	@Autowired
	SheetStore store;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void empty() {
		this.store.deleteAll();
	}

	@Test
	void commandImportsTheWholeSequenceWithExactFigures() throws Exception {
		long started = System.nanoTime();
		String output = runCommand(SharedData.folder().toString());
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println(output + "\nwhole sequence imported in " + millis + " ms");
		assertThat(output).contains("imported 38 file(s)").doesNotContain("REJECTED");
		Map<String, Long> expected = IndependentSheetCount
			.distinctByModel(SharedData.file("participatingAgencies06272025am.xlsx"));
		assertThat(ImporterTestSupport.activeByModel(this.jdbc)).isEqualTo(expected);
		// pendingAgencies06042025am.xlsx is byte for byte pendingAgencies06032025pm.xlsx:
		// a new publication all the same
		assertThat(output)
			.contains("ACCEPTED pendingAgencies06042025am.xlsx PENDING rows=82 listed=82 added=0 removed=0");
		assertThat(ImporterTestSupport.count(this.jdbc, "select count(*) from ice_sheet where accepted")).isEqualTo(38);
		assertThat(ImporterTestSupport.count(this.jdbc,
				"select listed_count from ice_sheet where file_name = 'participatingAgencies06272025am.xlsx'"))
			.isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
	}

	@Test
	void theRealRenamesAreFoundAndNothingElse() {
		runCommand(SharedData.folder().toString());
		assertThat(this.jdbc.sql("select distinct detail from agreement_event where kind = 'RENAMED' order by 1")
			.query(String.class)
			.list()).containsExactly("Berrian County Sheriff's Offic → Berrian County Sheriff's Office",
					"City of Melbourne Police Department → Melbourne Police Department",
					"Indialantic Police Department → Indiatlantic Police Department",
					"Lafourche County Sheriff's Office → Lafourche Parish Sheriff's Office",
					"Tennessee Department of Safety and Homeland Security / THP → Tennessee Department of Safety and Homeland Security");
		assertThat(this.jdbc.sql("select slug from agency where name = 'Indiatlantic Police Department'")
			.query(String.class)
			.single()).isEqualTo("fl-indialantic-police-department");
	}

	@Test
	void importingEverythingTwiceChangesNothing() throws Exception {
		runCommand(SharedData.folder().toString());
		List<String> agreements = ImporterTestSupport.agreements(this.jdbc);
		List<String> events = ImporterTestSupport.events(this.jdbc);
		String second = runCommand(SharedData.folder().toString());
		assertThat(second).contains("ALREADY_IMPORTED").doesNotContain("ACCEPTED");
		assertThat(ImporterTestSupport.agreements(this.jdbc)).isEqualTo(agreements);
		assertThat(ImporterTestSupport.events(this.jdbc)).isEqualTo(events);
	}

	@Test
	void outOfOrderImportGivesTheSameEndState() throws Exception {
		runCommand(SharedData.folder().toString());
		List<String> inOrder = ImporterTestSupport.agreements(this.jdbc);
		List<String> inOrderEvents = ImporterTestSupport.events(this.jdbc);
		this.store.deleteAll();
		List<java.nio.file.Path> files = new ArrayList<>(SharedData.all());
		Collections.shuffle(files, new java.util.Random(287));
		for (java.nio.file.Path file : files) {
			assertThat(this.sheets
				.importSheet(file, file.getFileName().toString(), org.end287g.tracker.SheetSource.COMMAND)
				.status()).as(file.toString()).isNotEqualTo(org.end287g.tracker.ImportResult.Status.REJECTED);
		}
		assertThat(ImporterTestSupport.agreements(this.jdbc)).isEqualTo(inOrder);
		assertThat(ImporterTestSupport.events(this.jdbc)).isEqualTo(inOrderEvents);
	}

	@Test
	void commandFailsClearlyOnAMissingPath() {
		String output = runCommand("/nonexistent/sheet.xlsx", 1);
		assertThat(output).contains("ERROR cannot read /nonexistent/sheet.xlsx");
	}

	private String runCommand(String path) {
		return runCommand(path, 0);
	}

	private String runCommand(String path, int expectedExit) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = new ImportCommand(this.sheets, this.followUps).run(List.of(path),
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(output).isEqualTo(expectedExit);
		return output;
	}

}
