package org.end287g.tracker.importing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.SheetSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics over real HTTP with the actuator on a port of its own, as the container
 * image and the Kubernetes manifests run it: {@code /actuator/prometheus} answers there
 * with the business figures of the outbox, the importer and the signatures, and they
 * follow the database (a mail queued, a sheet refused); the public port serves no
 * metrics. The probes answer on the management port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "end287g.metrics.cache-for=0s" })
class MetricsEndpointTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Outbox outbox;

	@Autowired
	IceSheets sheets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@TempDir
	Path temp;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void thePublicPortServesNoMetrics() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator" }) {
			assertThat(get(this.port, path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void theManagementPortServesTheProbes() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> health = get(this.managementPort, path);
			assertThat(health.statusCode()).as(path).isEqualTo(200);
			assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("details");
		}
	}

	@Test
	void theManagementPortServesTheBusinessFiguresAndTheyFollowTheDatabase() throws Exception {
		assertThat(get(this.port, "/").statusCode()).isEqualTo(200);
		String before = metrics();
		assertThat(before).contains("end287g_mail_backlog", "end287g_mail_due", "end287g_mail_oldest_due_age_seconds",
				"end287g_mail_oldest_waiting_age_seconds", "end287g_mail_failed",
				"end287g_ice_sheet_accepted_age_seconds", "end287g_ice_sheets_held",
				"end287g_ice_sheets_rejected_recent", "end287g_signatures_confirmed", "end287g_ice_fetches_total",
				"http_server_requests_seconds", "hikaricp_connections_active", "jvm_memory_used_bytes");
		assertThat(value(before, "end287g_signatures_confirmed"))
			.isEqualTo(this.jdbc.sql("select coalesce(sum(confirmed), 0) from signature_counts")
				.query(Long.class)
				.single()
				.doubleValue());

		double backlog = value(before, "end287g_mail_backlog");
		this.transactions.executeWithoutResult((status) -> this.outbox.enqueue(Mail.transactional("metrics@example.org",
				Locale.ENGLISH, "test-notice", Map.of("name", "A", "detail", "B"))));
		assertThat(value(metrics(), "end287g_mail_backlog")).isEqualTo(backlog + 1);

		double rejected = value(before, "end287g_ice_sheets_rejected_recent");
		Path file = new TestWorkbook().row("STATE", "AGENCY", "MODEL")
			.row("NORTH CAROLINA", "Gaston County Sheriff's Office", "Jail Enforcement Model")
			.write(this.temp, BadInputTests.NAME);
		this.sheets.importSheet(file, BadInputTests.NAME, SheetSource.UPLOAD);
		assertThat(value(metrics(), "end287g_ice_sheets_rejected_recent")).isEqualTo(rejected + 1);
	}

	private String metrics() throws Exception {
		HttpResponse<String> page = get(this.managementPort, "/actuator/prometheus");
		assertThat(page.statusCode()).isEqualTo(200);
		return page.body();
	}

	/** The value of a metric without labels other than the application's. */
	private static double value(String page, String name) {
		Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(page);
		assertThat(line.find()).as(name).isTrue();
		return Double.parseDouble(line.group(1));
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
