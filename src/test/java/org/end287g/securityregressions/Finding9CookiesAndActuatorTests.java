package org.end287g.securityregressions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 9 of the security review (issue 13): "Small: {@code XSRF-TOKEN} and
 * {@code lang} cookies lack {@code Secure}; the {@code /actuator} index is public."
 * <p>
 * Replays, over real HTTP: {@code GET /sign-in?lang=es} (whose answer sets both cookies)
 * as a load balancer that ended TLS sends it (from a loopback address, with
 * {@code X-Forwarded-Proto: https}) and as a developer's browser does over plain HTTP;
 * and {@code GET /actuator} as an anonymous visitor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Finding9CookiesAndActuatorTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void behindAProxyThatEndedTlsBothCookiesAreSecure() throws Exception {
		HttpResponse<String> page = get("/sign-in?lang=es", "X-Forwarded-Proto", "https");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(attributes(page, "XSRF-TOKEN")).contains("Secure");
		assertThat(attributes(page, "lang")).contains("Secure", "HttpOnly", "SameSite=Lax");
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void overPlainHttpOnADevelopersMachineTheCookiesStillWork() throws Exception {
		HttpResponse<String> page = get("/sign-in?lang=es");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(attributes(page, "XSRF-TOKEN")).doesNotContain("Secure");
		assertThat(attributes(page, "lang")).doesNotContain("Secure").contains("HttpOnly");
		assertThat(page.body()).contains("lang=\"es\"");
	}

	@Test
	void theActuatorShowsAnonymousVisitorsOnlyTheHealthCheck() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/", "/actuator/env", "/actuator/beans",
				"/actuator/info", "/actuator/metrics", "/actuator/configprops", "/actuator/mappings",
				"/actuator/prometheus" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
			assertThat(get(path, "X-Forwarded-Proto", "https").statusCode()).as(path).isEqualTo(404);
		}
		// load balancers poll it: public, and without details
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details");
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The attributes of the cookie the answer sets, such as "Secure" and "SameSite=Lax".
	 */
	private static List<String> attributes(HttpResponse<?> response, String cookie) {
		String header = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith(cookie + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"No " + cookie + " cookie in " + response.headers().allValues("Set-Cookie")));
		return Arrays.stream(header.split(";")).skip(1).map(String::strip).toList();
	}

}
