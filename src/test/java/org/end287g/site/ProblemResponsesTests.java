package org.end287g.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.end287g.problems.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one answer to a refused request, on a real server: a translated page with the
 * status, or JSON with {@code error} under /api/ and /feeds/, in English and Spanish.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RefusingPages.class)
class ProblemResponsesTests {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	private final HttpClient http = HttpClient.newHttpClient();

	/** Path below /test/problems/, status, title key, detail key (and its argument). */
	static Stream<Arguments> refusals() {
		return Stream.of(Arguments.of("not-found", 404, "error.notFound.title", "campaigns.error.unknown", null),
				Arguments.of("not-found-titled", 404, "problem.notFound", "error.state.unknown", "XX"),
				Arguments.of("bad-request", 400, "problem.badRequest", "error.param.state", null),
				Arguments.of("unavailable", 503, "problem.title", "campaigns.error.busy", null),
				Arguments.of("too-many", 429, "error.tooMany.title", "error.tooMany.text", 2L),
				Arguments.of("count", 400, "problem.badRequest", "error.param.malformed", null),
				Arguments.of("count?n=many", 400, "problem.badRequest", "error.param.malformed", null));
	}

	static Stream<Arguments> refusalsInBothLanguages() {
		return refusals().flatMap((refusal) -> Stream.of("en", "es").map((language) -> {
			Object[] values = refusal.get();
			return Arguments.of(language, values[0], values[1], values[2], values[3], values[4]);
		}));
	}

	@ParameterizedTest
	@MethodSource("refusalsInBothLanguages")
	void pagesShowTheTranslatedTitleDetailAndStatus(String language, String path, int status, String title,
			String detail, Object argument) throws Exception {
		HttpResponse<String> response = get("/test/problems/" + path, language, "text/html");
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<html lang=\"" + language + "\"")
			.contains("<h1>" + html(text(title, language)) + "</h1>")
			.contains("<p>" + html(text(detail, language, argument)) + "</p>")
			.contains(text("error.code", language, status))
			.contains("href=\"/near\"");
		assertThat(AccessibleHtml.problems(response.body())).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("refusalsInBothLanguages")
	void apiAndFeedsAnswerJsonWithTheTranslatedError(String language, String path, int status, String title,
			String detail, Object argument) throws Exception {
		for (String prefix : new String[] { "/api/test/problems/", "/feeds/test/problems/" }) {
			// even a browser that prefers HTML gets JSON there
			HttpResponse<String> response = get(prefix + path, language, "text/html,*/*");
			assertThat(response.statusCode()).isEqualTo(status);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			String body = response.body();
			assertThat(JsonPath.<String>read(body, "$.error")).isEqualTo(text(detail, language, argument));
			assertThat(JsonPath.<String>read(body, "$.detail")).isEqualTo(text(detail, language, argument));
			assertThat(JsonPath.<String>read(body, "$.title")).isEqualTo(text(title, language));
			assertThat(JsonPath.<Integer>read(body, "$.status")).isEqualTo(status);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/test/problems/too-many", "/api/test/problems/too-many" })
	void tooManyAttemptsSaysWhenToTryAgain(String path) throws Exception {
		HttpResponse<String> response = get(path, "en", "text/html");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("90");
		assertThat(response.body()).contains("try again in 2 minutes");
	}

	@Test
	void aFilterThatRefusesBeforeAnyControllerGetsTheSamePage() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login/ott?token=x"))
			.header("Accept-Language", "es")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("90");
		assertThat(response.body()).contains("<html lang=\"es\"")
			.contains("<h1>" + html(text("error.tooMany.title", "es")) + "</h1>")
			.contains(html(text("error.tooMany.text", "es", 2L)));
	}

	@Test
	void problemsCarryNoStackTrace() {
		assertThat(Problem.notFound("campaigns.error.unknown").getStackTrace()).isEmpty();
		assertThat(Problem.badRequest("error.param.state").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private HttpResponse<String> get(String path, String language, String accept)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Language", language)
			.header("Accept", accept)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String text(String key, String language, Object... arguments) {
		Object[] given = (arguments.length == 1 && arguments[0] == null) ? null : arguments;
		return this.messages.getMessage(key, given, Locale.forLanguageTag(language));
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
	}

}
