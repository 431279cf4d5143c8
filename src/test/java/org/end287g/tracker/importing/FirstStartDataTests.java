package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.end287g.tracker.FirstStartSheets;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.ImportResult.Status;
import org.end287g.tracker.SheetSource;
import org.end287g.tracker.TrackerReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * ICE's sheets shipped in the jar: imported into an empty database through the ordinary
 * importer, then superseded by newer sheets (by command or by the scheduled fetch) and
 * preceded by older ones, as any imported sheet.
 */
@SpringBootTest
class FirstStartDataTests {

	@Autowired
	FirstStartData firstStart;

	@Autowired
	IceSheets sheets;

	@Autowired
	TrackerReader reader;

	@Autowired
	SheetStore store;

	@Autowired
	FetchLease lease;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void empty() {
		this.store.deleteAll();
	}

	@Test
	void theJarShipsIcesLatestSharedSheets() {
		assertThat(FirstStartData.sheets()).extracting(FirstStartData.Shipped::fileName)
			.containsExactly("participatingAgencies06272025am.xlsx", "pendingAgencies06302025am.xlsx");
	}

	@Test
	void anEmptyDatabaseGetsTheWholeCountryLabelledWithItsDate() {
		assertThat(this.firstStart.load()).extracting(ImportResult::status)
			.containsExactly(Status.ACCEPTED, Status.ACCEPTED);
		assertThat(count("select count(*) from ice_sheet where source = 'FIRST_START' and accepted")).isEqualTo(2);
		assertThat(count("select count(*) from agreement where status = 'ACTIVE'")).isEqualTo(737);
		assertThat(count("select count(distinct state) from agency")).isGreaterThan(30);
		assertThat(status("nc-gaston-county-sheriffs-office", "JEM")).isEqualTo("ACTIVE");
		assertThat(this.sheets.firstStartOnly()).isTrue();
		assertThat(this.reader.firstStartOnly()).isTrue();
		assertThat(this.reader.stats().asOf()).isEqualTo(LocalDate.parse(FirstStartSheets.PARTICIPATING_PUBLISHED));
		assertThat(this.firstStart.load()).as("the next start").isEmpty();
	}

	@Test
	void aStartCutOffAfterTheFirstSheetImportsTheOtherAtTheNext() throws IOException {
		FirstStartData.Shipped participating = FirstStartData.sheets().getFirst();
		try (InputStream in = participating.resource().getInputStream()) {
			this.sheets.importSheet(in, participating.fileName(), SheetSource.FIRST_START);
		}
		assertThat(this.firstStart.load()).extracting(ImportResult::fileName, ImportResult::status)
			.containsExactly(tuple("pendingAgencies06302025am.xlsx", Status.ACCEPTED));
	}

	@Test
	void neverLoadedOverSheetsImportedOtherwise() {
		Path real = SharedData.file("pendingAgencies06302025am.xlsx");
		this.sheets.importSheet(real, real.getFileName().toString(), SheetSource.COMMAND);
		assertThat(this.firstStart.load()).isEmpty();
		assertThat(count("select count(*) from ice_sheet where source = 'FIRST_START'")).isZero();
		assertThat(this.sheets.firstStartOnly()).isFalse();
	}

	@Test
	void theSampleOfEarlierVersionsMakesWay() {
		this.jdbc.sql("""
				insert into ice_sheet (list, published_at, file_name, sha256, row_count, listed_count, accepted, source,
					imported_at) values ('PARTICIPATING', timestamp '2025-06-27 00:00:00', 'participating-sample.csv',
					'sample-1', 4, 4, true, 'SAMPLE', current_timestamp)""").update();
		assertThat(this.firstStart.load()).extracting(ImportResult::status).containsOnly(Status.ACCEPTED);
		assertThat(count("select count(*) from ice_sheet where source = 'SAMPLE'")).isZero();
		assertThat(count("select count(*) from ice_sheet")).isEqualTo(2);
	}

	@Test
	void olderSheetsImportedAfterwardsGoBeforeItInTheHistory() {
		this.firstStart.load();
		List<String> activeBefore = agreements("ACTIVE");
		for (String older : List.of("pendingAgencies05152025am.xlsx", "participatingAgencies06042025am.xlsx")) {
			Path sheet = SharedData.file(older);
			assertThat(this.sheets.importSheet(sheet, older, SheetSource.COMMAND).status()).as(older)
				.isEqualTo(Status.ACCEPTED);
		}
		assertThat(agreements("ACTIVE")).isEqualTo(activeBefore);
		assertThat(this.reader.stats().asOf()).isEqualTo(LocalDate.parse(FirstStartSheets.PARTICIPATING_PUBLISHED));
		assertThat(this.sheets.firstStartOnly()).isTrue();
		assertThat(this.jdbc.sql("""
				select cast(g.first_listed as date) from agreement g join agency a on a.id = g.agency_id
				where a.slug = 'nc-gaston-county-sheriffs-office' and g.model = 'JEM'""")
			.query(LocalDate.class)
			.single()).isEqualTo(LocalDate.parse("2025-06-04"));
	}

	@Test
	void aNewerSheetSupersedesIt() {
		this.firstStart.load();
		// ICE's sheet of 26 June published again as of 1 July: what 27 June added is gone
		Path sheet = SharedData.file("participatingAgencies06262025am.xlsx");
		ImportResult newer = this.sheets.importSheet(sheet, "participatingAgencies07012025am.xlsx",
				SheetSource.COMMAND);
		assertThat(newer.status()).isEqualTo(Status.ACCEPTED);
		assertThat(newer.removed()).isPositive();
		assertThat(count("select count(*) from agreement where status = 'REMOVED'")).isEqualTo(newer.removed());
		assertThat(this.sheets.firstStartOnly()).isFalse();
		assertThat(this.reader.firstStartOnly()).isFalse();
		assertThat(this.reader.stats().asOf()).isEqualTo(LocalDate.parse("2025-07-01"));
	}

	@Test
	void theScheduledFetchSupersedesIt() throws IOException {
		this.firstStart.load();
		this.jdbc.sql("update importer_lock set locked_until = null, locked_by = null").update();
		byte[] newer = Files.readAllBytes(SharedData.file("pendingAgencies06272025am.xlsx"));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/287g", (exchange) -> send(exchange,
				"<a href=\"/pendingAgencies07022025pm.xlsx\">Pending</a>".getBytes(StandardCharsets.UTF_8)));
		server.createContext("/pendingAgencies07022025pm.xlsx", (exchange) -> send(exchange, newer));
		server.start();
		try {
			URI page = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/287g");
			List<ImportResult> fetched = new IceFetcher(this.sheets,
					new FetchProperties(true, page, "-", 10_000_000, Duration.ofSeconds(10)), this.lease)
				.fetchOnce();
			assertThat(fetched).extracting(ImportResult::status).containsExactly(Status.ACCEPTED);
		}
		finally {
			server.stop(0);
		}
		assertThat(this.jdbc.sql("select source from ice_sheet where list = 'PENDING' order by published_at desc")
			.query(String.class)
			.list()).containsExactly("FETCH", "FIRST_START");
	}

	private List<String> agreements(String status) {
		return this.jdbc.sql("""
				select a.slug || ' ' || g.model from agreement g join agency a on a.id = g.agency_id
				where g.status = ? order by 1""").param(status).query(String.class).list();
	}

	private String status(String slug, String model) {
		return this.jdbc.sql("""
				select g.status from agreement g join agency a on a.id = g.agency_id
				where a.slug = ? and g.model = ?""").params(slug, model).query(String.class).single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static void send(HttpExchange exchange, byte[] body) throws IOException {
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
