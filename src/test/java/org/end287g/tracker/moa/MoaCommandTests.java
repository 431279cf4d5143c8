package org.end287g.tracker.moa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code moa PATH...}: the real MOAs matched by ICE's file name or given an agreement.
 */
@SpringBootTest
class MoaCommandTests {

	@Autowired
	MoaLibrary library;

	@Autowired
	JdbcClient jdbc;

	MoaCommand command;

	ByteArrayOutputStream printed = new ByteArrayOutputStream();

	@BeforeEach
	void load() {
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.command = new MoaCommand(this.library, MoaReaderTests.LIMITS);
	}

	@Test
	void attachesARealMoaByTheFileNameInIcesLink() {
		Path henderson = MoaFiles.real(MoaFiles.HENDERSON);
		this.jdbc
			.sql("update agreement set moa_url = ? where model = 'JEM' and agency_id = "
					+ "(select id from agency where slug = ?)")
			.params("https://www.ice.gov/doclib/287gMOA/287gJEM_HendersonCoNC2020-06-09.pdf", TrackerFixture.GASTON)
			.update();
		assertThat(run(henderson.toString())).isZero();
		assertThat(output()).contains("ATTACHED").contains("attached 1 file(s)");
		assertThat(this.jdbc.sql("select page_count from moa_document").query(Integer.class).single()).isEqualTo(12);
		assertThat(this.jdbc.sql("select signed_on from moa_document").query(java.sql.Date.class).single())
			.hasToString("2020-06-09");
		// the same file again is the same document
		assertThat(run(henderson.toString())).isZero();
		assertThat(this.jdbc.sql("select count(*) from moa_document").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void attachesAFolderToAnExplicitAgreement(@TempDir Path folder) throws IOException {
		Files.write(folder.resolve("a.pdf"), MoaFiles.text("The LEA will honor ICE detainers."));
		Files.writeString(folder.resolve("notes.txt"), "not a pdf");
		assertThat(run(folder.toString(), "--agency", TrackerFixture.GASTON, "--model", "wso", "--addendum")).isZero();
		assertThat(this.jdbc.sql("select kind from moa_document").query(String.class).single()).isEqualTo("ADDENDUM");
	}

	@Test
	void takesOptionsWrittenWithAnEqualsSignAndLeavesTheApplicationsSettingsToSpring(@TempDir Path folder)
			throws IOException {
		Files.write(folder.resolve("a.pdf"), MoaFiles.text("The LEA will honor ICE detainers."));
		assertThat(run(folder.toString(), "--agency=" + TrackerFixture.GASTON, "--model=jem",
				"--spring.datasource.url=jdbc:h2:mem:taken-by-spring"))
			.isZero();
		assertThat(this.jdbc.sql("select kind from moa_document").query(String.class).single()).isEqualTo("MOA");
		assertThat(run(folder.toString(), "--agency=", "--model=JEM")).isEqualTo(2);
		assertThat(run(folder.toString(), "--no-such-option")).isEqualTo(2);
	}

	@Test
	void refusesBadFilesUnmatchedNamesAndBadUsageChangingNothing(@TempDir Path folder) throws IOException {
		Path html = Files.writeString(folder.resolve("moa.pdf"), "<html>moved</html>");
		Path unmatched = Files.write(folder.resolve("nobody.pdf"), MoaFiles.text("text"));
		Path locked = Files.write(folder.resolve("locked.pdf"), MoaFiles.encrypted());
		assertThat(
				run(html.toString(), unmatched.toString(), locked.toString(), folder.resolve("absent.pdf").toString()))
			.isOne();
		assertThat(output()).contains("REJECTED " + html + ": not a PDF")
			.contains("UNMATCHED " + unmatched)
			.contains("REJECTED " + locked + ": encrypted")
			.contains("ERROR cannot read");
		assertThat(run()).isEqualTo(2);
		assertThat(run(html.toString(), "--agency", TrackerFixture.GASTON)).isEqualTo(2);
		assertThat(run(html.toString(), "--agency", TrackerFixture.GASTON, "--model", "XYZ")).isEqualTo(2);
		assertThat(run(unmatched.toString(), "--agency", "no-such-agency", "--model", "JEM")).isOne();
		assertThat(this.jdbc.sql("select count(*) from moa_document").query(Integer.class).single()).isZero();
	}

	@Test
	void iceNameDropsTheSharedCopiesStatePrefix() {
		assertThat(MoaCommand.iceName(MoaFiles.HENDERSON)).isEqualTo("287gJEM_HendersonCoNC2020-06-09.pdf");
		assertThat(MoaCommand.iceName("287gJEM_YorkCoSc2020-06-09.pdf")).isEqualTo("287gJEM_YorkCoSc2020-06-09.pdf");
	}

	private int run(String... words) {
		return this.command.run(List.of(words), new PrintStream(this.printed, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.printed.toString(StandardCharsets.UTF_8);
	}

}
