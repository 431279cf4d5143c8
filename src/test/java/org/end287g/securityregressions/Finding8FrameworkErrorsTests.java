package org.end287g.securityregressions;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 8: "Errors the framework answers are not ours: invalid UTF-8 in a form or
 * parameter, an encoded slash, a 20 KB URL, a 3 MB post get Tomcat's "HTTP Status
 * 400/413" page or Spring's default JSON, in English [...]; an empty sign-in e-mail
 * answers 200." Replays the requests Tomcat itself refuses before any filter runs
 * (invalid UTF-8 in the path, {@code %00}, an encoded backslash, {@code ..} above the
 * root), in Spanish, on pages and the API, and an empty sign-in form. Parameters, forms,
 * long addresses, 405 and 415 are replayed by {@code site.ClientErrorsTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class Finding8FrameworkErrorsTests {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "invalid UTF-8 in the path | /campaigns/%FF%FE", "a broken UTF-8 sequence | /campaigns/%C3%28",
					"invalid UTF-8 in an API path | /api/v1/campaigns/%FF", "a feed path | /feeds/%C3%28",
					"an encoded dot-dot above the root | /%2e%2e/%2e%2e/etc/passwd",
					"a dot-dot above the root | /../etc/passwd", "an encoded NUL | /campaigns/a%00b",
					"an encoded backslash | /campaigns/a%5C..%5Cb" })
	void tomcatRefusalsGetTheSiteTranslatedAnswer(String what, String path, CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Accept", "text/html")
				.header("Accept-Language", "es-MX,es;q=0.9")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(what).isEqualTo(400);
		assertThat(response.body()).as(what).doesNotContain("HTTP Status").doesNotContain("Tomcat");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
		if (path.startsWith("/api/") || path.startsWith("/feeds/")) {
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
				.startsWith("application/json");
			assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo(text("error.client.text"));
			assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(400);
		}
		else {
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
			assertThat(response.body()).as(what)
				.contains("<html lang=\"es\"")
				.contains("<h1>" + text("error.client.title") + "</h1>")
				.contains(text("error.code").replace("{0}", "400"))
				.contains("href=\"/css/site.css\"");
		}
		assertThat(output.getOut()).as(what).doesNotContain(" ERROR ");
	}

	@Test
	void anEmptySignInAddressIsRefusedWithTheTranslatedError(CapturedOutput output) throws Exception {
		String form = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/sign-in"))
				.header("Accept-Language", "es")
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/sign-in"))
				.header("Accept-Language", "es")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers
					.ofString("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&email="))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains(html(text("accounts.error.email.required")));
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.forLanguageTag("es"));
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
	}

}
