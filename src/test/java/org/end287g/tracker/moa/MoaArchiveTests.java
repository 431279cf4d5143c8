package org.end287g.tracker.moa;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled archive of ICE's PDFs against a local server: a good PDF is kept (and
 * stays when ICE's link breaks), every bad answer is recorded for a later retry and
 * stores nothing.
 */
@SpringBootTest(properties = { "end287g.moa.timeout=PT1S", "end287g.moa.hosts=127.0.0.1" })
class MoaArchiveTests {

	@Autowired
	MoaArchiver archiver;

	@Autowired
	JdbcClient jdbc;

	HttpServer server;

	/** Requests that reached the server under a host the archive may not call. */
	final AtomicInteger calledOnLocalhost = new AtomicInteger();

	ExecutorService threads = Executors.newCachedThreadPool();

	String base;

	volatile byte[] good;

	long jem;

	long wso;

	@BeforeEach
	void serve() throws IOException {
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.jdbc.sql("update agreement set moa_url = null, addendum_url = null").update();
		this.jdbc.sql("delete from moa_fetch_failure").update();
		this.jdbc.sql("update importer_lock set locked_until = null, locked_by = null").update();
		this.jem = agreement("JEM");
		this.wso = agreement("WSO");
		this.good = MoaFiles.text("The LEA shall honor ICE detainers for 48 hours.");
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.threads);
		this.server.createContext("/good.pdf", (exchange) -> {
			if (exchange.getRequestHeaders().getFirst("Host").startsWith("localhost")) {
				this.calledOnLocalhost.incrementAndGet();
			}
			send(exchange, 200, this.good);
		});
		this.server.createContext("/page.html", (exchange) -> send(exchange, 200,
				"<!DOCTYPE html><html>Moved</html>".getBytes(StandardCharsets.UTF_8)));
		this.server.createContext("/loop", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/loop");
			send(exchange, 302, new byte[0]);
		});
		this.server.createContext("/elsewhere", (exchange) -> {
			// a redirect to a host the archive may not call (an address inside our
			// network)
			exchange.getResponseHeaders()
				.add("Location", "http://localhost:" + this.server.getAddress().getPort() + "/good.pdf");
			send(exchange, 302, new byte[0]);
		});
		this.server.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", "/good.pdf");
			send(exchange, 301, new byte[0]);
		});
		this.server.createContext("/slow.pdf", (exchange) -> {
			sleep(3000);
			send(exchange, 200, this.good);
		});
		this.server.createContext("/trickle.pdf", this::trickle);
		this.server.createContext("/huge.pdf", this::huge);
		this.server.start();
		this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	@Test
	void archivesAGoodPdfOnceAndKeepsItWhenIcesLinkBreaks() {
		link(this.jem, "/good.pdf");
		assertThat(this.archiver.archiveOnce()).isEqualTo(1);
		assertThat(documents()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from moa_page").query(Integer.class).single()).isEqualTo(1);
		// already archived: nothing is due
		assertThat(this.archiver.archiveOnce()).isZero();
		// ICE's link now answers an HTML page: our copy stays
		this.good = "<html>Not found</html>".getBytes(StandardCharsets.UTF_8);
		assertThat(this.archiver.archiveOnce()).isZero();
		assertThat(documents()).isEqualTo(1);
	}

	@Test
	void anHtmlPageInsteadOfAPdfIsRetriedLaterAndStoresNothing() {
		link(this.jem, "/page.html");
		link(this.wso, "/good.pdf");
		assertThat(this.archiver.archiveOnce()).isEqualTo(1);
		assertThat(failure("/page.html")).contains("not a PDF");
		assertThat(this.jdbc.sql("select count(*) from moa_fetch_failure where retry_after > current_timestamp")
			.query(Integer.class)
			.single()).isEqualTo(1);
		// waiting out its failure, it is not tried again at once
		assertThat(this.archiver.archiveOnce()).isZero();
		assertThat(documents()).isEqualTo(1);
	}

	@Test
	void aRedirectLoopFails() {
		link(this.jem, "/loop");
		assertThat(this.archiver.archiveOnce()).isZero();
		assertThat(failure("/loop")).contains("redirect");
		assertThat(documents()).isZero();
	}

	@Test
	void aRedirectIsFollowedOnlyToAnAllowedHost() {
		link(this.jem, "/moved");
		link(this.wso, "/elsewhere");
		assertThat(this.archiver.archiveOnce()).isEqualTo(1);
		assertThat(documents()).isEqualTo(1);
		assertThat(failure("/elsewhere")).contains("host not allowed");
		assertThat(this.calledOnLocalhost).hasValue(0);
	}

	@Test
	void aSlowServerTimesOut() {
		link(this.jem, "/slow.pdf");
		long started = System.nanoTime();
		assertThat(this.archiver.archiveOnce()).isZero();
		assertThat(System.nanoTime() - started).isLessThan(2_900_000_000L);
		assertThat(failure("/slow.pdf")).contains("timed out");
		assertThat(documents()).isZero();
	}

	@Test
	void aServerTricklingItsBodyIsCutOffAtTheDeadline() {
		link(this.jem, "/trickle.pdf");
		long started = System.nanoTime();
		assertThat(this.archiver.archiveOnce()).isZero();
		assertThat(System.nanoTime() - started).isLessThan(4_000_000_000L);
		assertThat(documents()).isZero();
		assertThat(failure("/trickle.pdf")).isNotBlank();
	}

	@Test
	void a200MegabytePdfIsRefusedAtTheLimit() {
		link(this.jem, "/huge.pdf");
		assertThat(this.archiver.archiveOnce()).isZero();
		assertThat(failure("/huge.pdf")).contains("larger than");
		assertThat(documents()).isZero();
	}

	@Test
	void aLinkToAHostOtherThanIcesIsNeverCalled() {
		this.jdbc.sql("update agreement set moa_url = ? where id = ?")
			.params("http://localhost:" + this.server.getAddress().getPort() + "/good.pdf", this.jem)
			.update();
		assertThat(this.archiver.archiveOnce()).isZero();
		assertThat(documents()).isZero();
		assertThat(this.jdbc.sql("select reason from moa_fetch_failure").query(String.class).single())
			.contains("host not allowed");
	}

	@Test
	void anotherInstanceHoldingTheLeaseMeansNoDownload() {
		link(this.jem, "/good.pdf");
		this.jdbc.sql("update importer_lock set locked_until = ?, locked_by = 'other' where name = 'moa'")
			.param(java.time.LocalDateTime.now().plusMinutes(5))
			.update();
		assertThat(this.archiver.archiveOnce()).isZero();
		assertThat(documents()).isZero();
	}

	private long agreement(String model) {
		return this.jdbc
			.sql("select a.id from agreement a join agency g on g.id = a.agency_id where g.slug = ? and a.model = ?")
			.params(TrackerFixture.GASTON, model)
			.query(Long.class)
			.single();
	}

	private void link(long agreement, String path) {
		this.jdbc.sql("update agreement set moa_url = ? where id = ?").params(this.base + path, agreement).update();
	}

	private int documents() {
		return this.jdbc.sql("select count(*) from moa_document").query(Integer.class).single();
	}

	private String failure(String path) {
		return this.jdbc.sql("select reason from moa_fetch_failure where source_url = ?")
			.param(this.base + path)
			.query(String.class)
			.single();
	}

	private void trickle(HttpExchange exchange) throws IOException {
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
			for (int i = 0; i < 2000; i++) {
				out.write(' ');
				out.flush();
				sleep(5);
			}
		}
		catch (IOException ex) {
			// the client gave up, as it should
		}
	}

	private void huge(HttpExchange exchange) throws IOException {
		exchange.sendResponseHeaders(200, 0);
		byte[] zeros = new byte[64 * 1024];
		try (OutputStream out = exchange.getResponseBody()) {
			out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
			for (long sent = 0; sent < 200L * 1024 * 1024; sent += zeros.length) {
				out.write(zeros);
			}
		}
		catch (IOException ex) {
			// the client stopped reading at its limit
		}
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
