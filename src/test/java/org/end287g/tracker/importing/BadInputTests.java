package org.end287g.tracker.importing;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

/** Every bad input ends in a clear reason and nothing half-saved. */
@SpringBootTest
class BadInputTests {

	static final String NAME = "participatingAgencies06012025am.xlsx";

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
	void notAnXlsxIsRefusedAndNothingSaved() throws Exception {
		Path file = Files.writeString(this.temp.resolve(NAME), "STATE,AGENCY\nNC,Gaston\n");
		assertRejected(this.sheets.importSheet(file, NAME, SheetSource.UPLOAD), "import.reject.not-xlsx");
		assertThat(sheetCount()).isZero();
	}

	@Test
	void anEmptyFileIsRefused() {
		ImportResult result = this.sheets.importSheet(new ByteArrayInputStream(new byte[0]), NAME, SheetSource.UPLOAD);
		assertRejected(result, "import.reject.empty");
		assertThat(sheetCount()).isZero();
	}

	@Test
	void aZipBombIsRefusedBeforeParsing() throws Exception {
		Path bomb = TestWorkbook.zipBomb(this.temp, NAME, 60L * 1024 * 1024);
		assertThat(Files.size(bomb)).isLessThan(1024 * 1024);
		assertRejected(this.sheets.importSheet(bomb, NAME, SheetSource.UPLOAD), "import.reject.zip-bomb");
		assertThat(sheetCount()).isZero();
	}

	@Test
	void aFileNameThatIsNotIcesIsRefused() throws Exception {
		Path file = TestWorkbook.participating()
			.row("NORTH CAROLINA", "Gaston County Sheriff's Office", "County", "Gaston County",
					"Jail Enforcement Model", 43991, "link")
			.write(this.temp, "sheet.xlsx");
		assertRejected(this.sheets.importSheet(file, "sheet.xlsx", SheetSource.UPLOAD), "import.reject.bad-file-name");
	}

	@Test
	void aMissingHeaderIsRecordedAsARejectedSnapshotOnly() throws Exception {
		Path file = new TestWorkbook().row("STATE", "AGENCY", "MODEL")
			.row("NORTH CAROLINA", "Gaston County Sheriff's Office", "Jail Enforcement Model")
			.write(this.temp, NAME);
		assertRejected(this.sheets.importSheet(file, NAME, SheetSource.UPLOAD), "import.reject.no-header");
		assertThat(count("select count(*) from ice_sheet where not accepted and reject_reason like 'NO_HEADER%'"))
			.isOne();
		assertThat(count("select count(*) from agency")).isZero();
	}

	@Test
	void aReorderedHeaderWithAnExtraColumnStillImports() throws Exception {
		Path file = new TestWorkbook()
			.row("Notes", "SUPPORT TYPE", "COUNTY", " state ", "SIGNED", "law enforcement  agency", "MOA", "TYPE")
			.row("x", "Jail Enforcement Model", "Gaston County ", "NORTH CAROLINA", 43991,
					"Gaston County Sheriff's Office", "link", "County")
			.link("G2", "https://www.ice.gov/doclib/287gMOA/287gJEM_GastonCoNC2020-06-09.pdf")
			.write(this.temp, NAME);
		assertThat(this.sheets.importSheet(file, NAME, SheetSource.UPLOAD).status()).isEqualTo(Status.ACCEPTED);
		Map<String, Object> agreement = this.jdbc
			.sql("select a.slug, a.state, a.county_fips, a.kind, g.model, "
					+ "g.status, g.signed, g.moa_url from agreement g join agency a on a.id = g.agency_id")
			.query()
			.singleRow();
		assertThat(agreement).containsEntry("slug", "nc-gaston-county-sheriffs-office")
			.containsEntry("county_fips", "37071")
			.containsEntry("kind", "COUNTY")
			.containsEntry("model", "JEM")
			.containsEntry("status", "ACTIVE")
			.containsEntry("moa_url", "https://www.ice.gov/doclib/287gMOA/287gJEM_GastonCoNC2020-06-09.pdf");
		assertThat(agreement.get("signed").toString()).isEqualTo("2020-06-09");
	}

	@Test
	void aHundredThousandRowsAreRefusedBeforeTheyAreParsed() throws Exception {
		// 100,000 rows of inline strings inflate past the 50 MB entry limit: refused by
		// the zip guard
		ImportResult result = this.sheets.importSheet(rows(100_000).write(this.temp, NAME), NAME, SheetSource.UPLOAD);
		assertRejected(result, "import.reject.zip-bomb");
		assertThat(sheetCount()).isZero();
	}

	@Test
	void oneRowMoreThanTheLimitIsRefusedAsTooMany() throws Exception {
		ImportResult result = this.sheets.importSheet(rows(20_001).write(this.temp, NAME), NAME, SheetSource.UPLOAD);
		assertRejected(result, "import.reject.too-many-rows");
		assertThat(count("select count(*) from agency")).isZero();
		assertThat(ImporterTestSupport.rows(this.jdbc)).isEmpty();
		assertThat(count("select count(*) from ice_sheet where not accepted")).isOne();
	}

	private static TestWorkbook rows(int count) {
		TestWorkbook book = TestWorkbook.participating();
		java.util.Random random = new java.util.Random(287);
		for (int i = 0; i < count; i++) {
			book.row("TEXAS", "Agency " + Long.toHexString(random.nextLong()), "Municipality", "#N/A",
					"Task Force Model", 45790, "link pending");
		}
		return book;
	}

	@Test
	void formulasAreReadAsTheirCachedValueNeverEvaluated() throws Exception {
		Path file = TestWorkbook.participating()
			.row("NORTH CAROLINA",
					new TestWorkbook.Formula("CONCATENATE(\"Nash County \",\"Sheriff's Office\")",
							"Nash County Sheriff's Office"),
					"County", "Nash County", "Warrant Service Officer",
					new TestWorkbook.Formula("DATE(2020,1,29)", "43859"), "link")
			.write(this.temp, NAME);
		assertThat(this.sheets.importSheet(file, NAME, SheetSource.UPLOAD).status()).isEqualTo(Status.ACCEPTED);
		assertThat(this.jdbc
			.sql("select a.name || '|' || g.model || '|' || g.signed from agreement g "
					+ "join agency a on a.id = g.agency_id")
			.query(String.class)
			.single()).isEqualTo("Nash County Sheriff's Office|WSO|2020-01-29");
	}

	@Test
	void aDateInTheYear20026IsAnIssueNotADate() throws Exception {
		Path file = TestWorkbook.participating()
			.row("NORTH CAROLINA", "Henderson County Sheriff's Office", "County", "Henderson County",
					"Jail Enforcement Model", "6/9/20026", "link pending")
			.write(this.temp, NAME);
		ImportResult result = this.sheets.importSheet(file, NAME, SheetSource.UPLOAD);
		assertThat(result.status()).isEqualTo(Status.ACCEPTED);
		assertThat(result.issues()).isOne();
		assertThat(ImporterTestSupport.rows(this.jdbc)).singleElement()
			.satisfies((row) -> assertThat(row.signed() + "|" + row.issues()).isEqualTo("6/9/20026|BAD_DATE"));
		assertThat(count("select count(*) from agreement where signed is null and raw_signed = '6/9/20026'")).isOne();
	}

	@Test
	void duplicateRowsCountOnceAndAreFlagged() throws Exception {
		Path file = TestWorkbook.participating()
			.row("NORTH CAROLINA", "Cabarrus County Sheriff's Office", "County", "Cabarrus County ",
					"Jail Enforcement Model", 43901, "link")
			.row("North Carolina ", "Cabarrus County Sheriff’s Office ", "county", "Cabarrus County",
					"jail enforcement  model", 43901, "link")
			.write(this.temp, NAME);
		ImportResult result = this.sheets.importSheet(file, NAME, SheetSource.UPLOAD);
		assertThat(result.rows()).isEqualTo(2);
		assertThat(result.listed()).isOne();
		assertThat(count("select count(*) from agreement")).isOne();
		assertThat(ImporterTestSupport.rows(this.jdbc))
			.filteredOn((row) -> row.issues() != null && row.issues().contains("DUPLICATE_ROW"))
			.hasSize(1);
	}

	@Test
	void typosInStatesAndModelsAreToleratedAndUnknownsKeptRaw() throws Exception {
		Path file = TestWorkbook.participating()
			.row("NORTH CAROLNA", "Gaston County Sheriff's Office", "Countyy", "", "Jail Enforcment Model", 43991,
					"link")
			.row("ATLANTIS", "Poseidon Police", "Municipality", "#N/A", "Task Force Model", 45790, "link")
			.row("TEXAS", "Nowhere County Sheriff's Office", "County", "Nowhere County", "Task Force Model", 45790,
					"link")
			.write(this.temp, NAME);
		ImportResult result = this.sheets.importSheet(file, NAME, SheetSource.UPLOAD);
		assertThat(result.listed()).isEqualTo(2);
		assertThat(this.jdbc.sql("select state || '|' || county_fips || '|' || kind from agency where state = 'NC'")
			.query(String.class)
			.single()).isEqualTo("NC|37071|COUNTY");
		assertThat(ImporterTestSupport.rows(this.jdbc)).extracting(SheetRows.Stored::issues)
			.containsExactly(null, "UNKNOWN_STATE", "UNKNOWN_COUNTY");
		assertThat(ImporterTestSupport.rows(this.jdbc))
			.filteredOn((row) -> row.agreementId() == null && "ATLANTIS".equals(row.state()))
			.hasSize(1);
	}

	@Test
	void hostileStringsAreStoredVerbatimAndHarmlessly() throws Exception {
		String hostile = "<script>alert(1)</script>'; drop table agency; --";
		Path file = TestWorkbook.participating()
			.row("TEXAS", hostile, "Municipality", "#N/A", "Task Force Model", 45790, "link")
			.link("G2", "javascript:alert(1)")
			.write(this.temp, NAME);
		assertThat(this.sheets.importSheet(file, NAME, SheetSource.UPLOAD).status()).isEqualTo(Status.ACCEPTED);
		assertThat(ImporterTestSupport.rows(this.jdbc)).extracting(SheetRows.Stored::agency).containsExactly(hostile);
		assertThat(this.jdbc.sql("select name from agency").query(String.class).single()).isEqualTo(hostile);
		assertThat(count("select count(*) from agreement where moa_url is null")).isOne();
	}

	@Test
	void hugeCellsAreCappedNotStoredWhole() throws Exception {
		String huge = "A".repeat(50_000);
		Path file = TestWorkbook.participating()
			.row("TEXAS", huge, "Municipality", "#N/A", "Task Force Model", 45790, "link")
			.write(this.temp, NAME);
		assertThat(this.sheets.importSheet(file, NAME, SheetSource.UPLOAD).status()).isEqualTo(Status.ACCEPTED);
		assertThat(ImporterTestSupport.rows(this.jdbc)).extracting((row) -> row.agency().length()).containsExactly(300);
	}

	@Test
	void uploadsLargerThanTheLimitAreRefusedWhileCopying() {
		byte[] big = new byte[11 * 1024 * 1024];
		ImportResult result = this.sheets.importSheet(new ByteArrayInputStream(big), NAME, SheetSource.UPLOAD);
		assertRejected(result, "import.reject.too-big");
		assertThat(sheetCount()).isZero();
	}

	@Test
	void theSameFileTwiceIsAlreadyImported() throws Exception {
		Path file = TestWorkbook.participating()
			.row("NORTH CAROLINA", "Gaston County Sheriff's Office", "County", "Gaston County",
					"Jail Enforcement Model", 43991, "link")
			.write(this.temp, NAME);
		assertThat(this.sheets.importSheet(file, NAME, SheetSource.UPLOAD).status()).isEqualTo(Status.ACCEPTED);
		ImportResult again = this.sheets.importSheet(file, NAME, SheetSource.COMMAND);
		assertThat(again.status()).isEqualTo(Status.ALREADY_IMPORTED);
		assertThat(again.messageKey()).isEqualTo("import.result.already-imported");
		assertThat(sheetCount()).isOne();
	}

	private void assertRejected(ImportResult result, String messageKey) {
		assertThat(result.status()).isEqualTo(Status.REJECTED);
		assertThat(result.messageKey()).isEqualTo(messageKey);
	}

	private long sheetCount() {
		return count("select count(*) from ice_sheet");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
