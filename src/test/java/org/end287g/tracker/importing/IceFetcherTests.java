package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.ImportResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled fetch against a local HTTP server serving ICE's real files. */
@SpringBootTest
class IceFetcherTests {

	@Autowired
	IceSheets sheets;

	@Autowired
	SheetStore store;

	@Autowired
	FetchLease lease;

	@Autowired
	JdbcClient jdbc;

	HttpServer server;

	URI page;

	byte[] participating;

	byte[] pending;

	@BeforeEach
	void serve() throws IOException {
		this.store.deleteAll();
		this.jdbc.sql("update importer_lock set locked_until = null, locked_by = null").update();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		int port = this.server.getAddress().getPort();
		String html = "<html><body><a href=\"/about\">About</a>"
				+ "<a href=\"/doclib/287gMOA/participatingAgencies06272025am.xlsx\">Participating</a>"
				+ "<a href='http://127.0.0.1:" + port + "/doclib/pendingAgencies06302025am.xlsx'>Pending</a>"
				+ "<a href=\"/doclib/participatingAgencies06262025am.xlsx\">older copy</a></body></html>";
		this.server.createContext("/identify-and-arrest/287g",
				(exchange) -> send(exchange, html.getBytes(StandardCharsets.UTF_8)));
		this.server.createContext("/doclib/287gMOA/participatingAgencies06272025am.xlsx",
				(exchange) -> send(exchange, this.participating));
		this.server.createContext("/doclib/pendingAgencies06302025am.xlsx", (exchange) -> send(exchange, this.pending));
		this.server.start();
		this.page = URI.create("http://127.0.0.1:" + port + "/identify-and-arrest/287g");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	/**
	 * Read in the test, not in the server's handler, so a missing shared folder skips it.
	 */
	void serveSharedSheets() throws IOException {
		this.participating = Files.readAllBytes(SharedData.file("participatingAgencies06272025am.xlsx"));
		this.pending = Files.readAllBytes(SharedData.file("pendingAgencies06302025am.xlsx"));
	}

	@Test
	void findsBothCurrentSheetsAndImportsThem() throws Exception {
		serveSharedSheets();
		List<ImportResult> results = fetcher(10_000_000).fetch(this.page);
		assertThat(results).extracting(ImportResult::fileName)
			.containsExactly("participatingAgencies06272025am.xlsx", "pendingAgencies06302025am.xlsx");
		assertThat(results).extracting(ImportResult::status).containsOnly(Status.ACCEPTED);
		assertThat(this.jdbc.sql("select count(*) from ice_sheet where source = 'FETCH'").query(Long.class).single())
			.isEqualTo(2);
		assertThat(fetcher(10_000_000).fetch(this.page)).extracting(ImportResult::status)
			.containsOnly(Status.ALREADY_IMPORTED);
	}

	@Test
	void aNameWithoutADateTakesLastModifiedThenTheFetchTime(@org.junit.jupiter.api.io.TempDir Path folder)
			throws Exception {
		byte[] participating = Files.readAllBytes(GuardSheets.participating(1, 5).write(folder, "p.xlsx"));
		byte[] pending = Files.readAllBytes(GuardSheets.pending(11, 15).write(folder, "q.xlsx"));
		this.server
			.createContext("/undated",
					(exchange) -> send(exchange,
							("<a href=\"/undated/287gParticipatingAgencies.xlsx\">P</a>"
									+ "<a href=\"/undated/PendingAgency.xlsx\">Q</a>")
								.getBytes(StandardCharsets.UTF_8)));
		this.server.createContext("/undated/287gParticipatingAgencies.xlsx", (exchange) -> {
			exchange.getResponseHeaders().add("Last-Modified", "Tue, 15 Sep 2026 16:00:00 GMT");
			send(exchange, participating);
		});
		this.server.createContext("/undated/PendingAgency.xlsx", (exchange) -> {
			exchange.getResponseHeaders().add("Last-Modified", "not a date");
			send(exchange, pending);
		});
		java.time.LocalDateTime before = java.time.LocalDateTime.now(java.time.ZoneId.of("America/New_York"))
			.withNano(0);
		List<ImportResult> results = fetcher(10_000_000).fetch(this.page.resolve("/undated"));
		assertThat(results).extracting(ImportResult::status).containsOnly(Status.ACCEPTED);
		// 16:00 GMT is noon in Washington, where ICE dates its sheets
		assertThat(results.get(0).publishedAt()).isEqualTo(java.time.LocalDateTime.parse("2026-09-15T12:00"));
		assertThat(results.get(0).dateSourceWord()).isEqualTo("last-modified");
		assertThat(results.get(1).publishedAt()).isAfterOrEqualTo(before);
		assertThat(results.get(1).dateSourceWord()).isEqualTo("fetch-time");
		assertThat(this.jdbc.sql("select date_source from ice_sheet order by list").query(String.class).list())
			.containsExactly("LAST_MODIFIED", "FETCH_TIME");
	}

	@Test
	void everyNameIceUsesIsFoundOnThePage() {
		URI base = URI.create("https://www.ice.gov/identify-and-arrest/287g");
		String html = "<a href=\"/doclib/287gParticipatingAgencies091526pm.xlsx\">p</a>"
				+ "<a href=\"/doclib/PendingAgency091826am.xlsx\">q</a>";
		assertThat(IceFetcher.sheetLinks(html, base)).containsOnlyKeys("PARTICIPATING", "PENDING");
	}

	@Test
	void aDownloadPastTheSizeLimitSavesNothing() throws Exception {
		serveSharedSheets();
		List<ImportResult> results = fetcher(1000).fetch(this.page);
		assertThat(results).extracting(ImportResult::messageKey).containsOnly("import.reject.too-big");
		assertThat(this.jdbc.sql("select count(*) from ice_sheet").query(Long.class).single()).isZero();
	}

	@Test
	void onlyOneInstanceHoldsTheFetchLease() {
		assertThat(this.lease.tryAcquire(Duration.ofMinutes(5))).isTrue();
		FetchLease otherInstance = new FetchLease(this.jdbc);
		assertThat(otherInstance.tryAcquire(Duration.ofMinutes(5))).isFalse();
		assertThat(new IceFetcher(this.sheets, properties(10_000_000), otherInstance).fetchOnce()).isEmpty();
		this.lease.release();
		assertThat(otherInstance.tryAcquire(Duration.ofMinutes(5))).isTrue();
		otherInstance.release();
	}

	@Test
	void linksAreResolvedAndOnlyWebSchemesKept() {
		URI base = URI.create("https://www.ice.gov/identify-and-arrest/287g");
		String html = "<a href=\"javascript:participatingAgencies.xlsx\">x</a>"
				+ "<a href=\"/doclib/about-ice/287g/participatingAgencies10012025pm.xlsx?x=1&amp;y=2\">p</a>";
		assertThat(IceFetcher.sheetLinks(html, base)).containsOnlyKeys("PARTICIPATING")
			.containsValue(URI
				.create("https://www.ice.gov/doclib/about-ice/287g/participatingAgencies10012025pm.xlsx?x=1&y=2"));
	}

	private IceFetcher fetcher(long maxBytes) {
		return new IceFetcher(this.sheets, properties(maxBytes), this.lease);
	}

	private static FetchProperties properties(long maxBytes) {
		return new FetchProperties(true, URI.create("http://127.0.0.1/"), "-", maxBytes, Duration.ofSeconds(10));
	}

	private static void send(HttpExchange exchange, byte[] body) throws IOException {
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
