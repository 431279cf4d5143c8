package org.end287g.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages go through the servlet container's error dispatch, which MockMvc does not
 * perform, so these tests talk to a real server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	private final HttpClient http = HttpClient.newHttpClient();

	@ParameterizedTest
	@CsvSource({ "en", "es" })
	void unknownPageIsATranslated404(String language) throws Exception {
		HttpResponse<String> response = send("GET", "/no-such-page", language);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<html lang=\"" + language + "\"")
			.contains("<h1>" + text("error.notFound.title", language) + "</h1>")
			.contains("href=\"/near\"")
			.contains("href=\"/\"");
		assertThat(AccessibleHtml.problems(response.body())).isEmpty();
	}

	@Test
	void languageSwitchOnAnErrorPageKeepsTheAddressThatFailed() throws Exception {
		HttpResponse<String> response = send("GET", "/no-such-page?lang=es", "en");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<html lang=\"es\"").contains("href=\"/no-such-page?lang=en\"");
	}

	@Test
	void hostilePathIsRejectedWithATranslatedPageThatLinksNowhereElse() throws Exception {
		// The security firewall refuses "//"; the error page must still not link off the
		// site.
		HttpResponse<String> response = send("GET", "//evil.example/page", "es");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("<h1>" + text("error.client.title", "es") + "</h1>")
			.doesNotContain("//evil.example");
	}

	@ParameterizedTest
	@CsvSource({ "en", "es" })
	void rejectedRequestGetsTheTranslatedClientErrorPage(String language) throws Exception {
		// A POST without a CSRF token is refused with 403.
		HttpResponse<String> response = send("POST", "/about", language);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<h1>" + text("error.client.title", language) + "</h1>")
			.contains(text("error.code", language).replace("{0}", "403"));
	}

	@ParameterizedTest
	@CsvSource({ "en", "es" })
	void failureGetsTheTranslatedServerErrorPageWithoutDetails(String language) throws Exception {
		HttpResponse<String> response = send("GET", "/test/failure", language);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("<h1>" + text("error.server.title", language) + "</h1>")
			.doesNotContain("secret detail")
			.doesNotContain("IllegalStateException");
	}

	private HttpResponse<String> send(String method, String path, String language) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Language", language)
			.header("Accept", "text/html")
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String text(String key, String language) {
		return this.messages.getMessage(key, null, Locale.forLanguageTag(language)).replace("'", "&#39;");
	}

	@TestConfiguration
	static class FailingPage {

		@RestController
		static class Failure {

			@GetMapping("/test/failure")
			String fail() {
				throw new IllegalStateException("secret detail");
			}

		}

	}

}
