package org.end287g.notifications.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DatabaseMetaData;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.end287g.campaigns.TestCampaigns;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.BlindIndex;
import org.end287g.site.AccessibleHtml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local mailbox over real HTTP, on the tests' configuration: no SMTP server and, on
 * the first pass of CI and on a developer's machine, the embedded H2 database, where this
 * machine's person reads the kept mail and follows its links; on CI's PostgreSQL pass it
 * does not exist. From another address of the machine (a computer on the local network)
 * it never exists, whatever X-Forwarded-For claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// every address trusted as a proxy, as Tomcat trusts any private address: a
		// computer on the local network may claim any client address it likes
		properties = "server.tomcat.remoteip.internal-proxies=.*")
class LocalMailboxServerTests {

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	@Autowired
	DataSource dataSource;

	final HttpClient http = HttpClient.newHttpClient();

	String to;

	long id;

	@BeforeEach
	void keepAMessage() {
		this.to = OutboxSmtpTests.unique("local");
		this.transactions
			.executeWithoutResult((status) -> this.outbox.enqueue(Mail.transactional(this.to, Locale.ENGLISH,
					"test-notice", OutboxSmtpTests.model("Kim", "Confirm at https://example.org/c/1 now"))));
		this.worker.poll();
		this.id = this.jdbc.sql("SELECT id FROM mail_outbox WHERE recipient_index = ?")
			.param(this.index.ofEmail(this.to))
			.query(Long.class)
			.single();
	}

	@Test
	void thisMachinesPersonReadsTheKeptMailOnTheEmbeddedDefaultOnly() throws Exception {
		HttpResponse<String> list = get("127.0.0.1", "/mailbox");
		HttpResponse<String> message = get("127.0.0.1", "/mailbox/" + this.id);
		if (!embedded()) {
			assertThat(list.statusCode()).isEqualTo(404);
			assertThat(message.statusCode()).isEqualTo(404);
			assertThat(message.body()).doesNotContain(this.to);
			return;
		}
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Mail kept on this computer")
			.contains("href=\"/mailbox/" + this.id + "\"")
			.contains("Notice for Kim")
			.contains("To " + this.to);
		assertThat(AccessibleHtml.problems(list.body())).isEmpty();
		assertThat(message.statusCode()).isEqualTo(200);
		assertThat(message.body()).contains(this.to).contains("<a href=\"https://example.org/c/1\">");
		assertThat(message.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(AccessibleHtml.problems(message.body())).isEmpty();
		assertThat(get("localhost", "/mailbox?lang=es").body()).contains("Correo guardado en esta computadora");
		assertThat(get("127.0.0.1", "/mailbox/99999999999").statusCode()).isEqualTo(404);
		assertThat(get("127.0.0.1", "/mailbox/abc").statusCode()).isEqualTo(404);
	}

	@Test
	void checkYourEmailPagesLinkToItForThisMachinesPersonOnly() throws Exception {
		long campaign = TestCampaigns.id(this.jdbc, 91);
		String page = "/campaigns/nc-test-campaign-91/signed";
		assertThat(campaign).isPositive();
		HttpResponse<String> signed = get("127.0.0.1", page);
		assertThat(signed.statusCode()).isEqualTo(200);
		assertThat(signed.body().contains("href=\"/mailbox\"")).isEqualTo(embedded());
		Optional<String> other = otherAddressOfThisMachine();
		if (other.isPresent()) {
			assertThat(get(other.get(), page).body()).doesNotContain("href=\"/mailbox\"");
		}
	}

	@Test
	void anotherComputerNeverFindsIt() throws Exception {
		String other = otherAddressOfThisMachine().orElse(null);
		assumeTrue(other != null, "no address of this machine but loopback");
		for (String path : new String[] { "/mailbox", "/mailbox/" + this.id }) {
			assertThat(get(other, path).statusCode()).as(path).isEqualTo(404);
			HttpResponse<String> spoofed = get(other, path, "X-Forwarded-For", "127.0.0.1");
			assertThat(spoofed.statusCode()).as(path + " claiming 127.0.0.1").isEqualTo(404);
			assertThat(spoofed.body()).doesNotContain(this.to);
		}
	}

	private boolean embedded() {
		try {
			return "H2"
				.equals(JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getDatabaseProductName));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> get(String host, String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An IPv4 address of this machine on a network, which another computer would use. */
	static Optional<String> otherAddressOfThisMachine() throws SocketException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				for (InetAddress address : Collections.list(network.getInetAddresses())) {
					if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
						return Optional.of(address.getHostAddress());
					}
				}
			}
		}
		return Optional.empty();
	}

}
