package org.end287g.site;

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
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the framework refuses before any page runs (unreadable parameters, an encoded
 * slash, an overlong address, an oversized form, a method or media type a page does not
 * take) get the site's translated page, or JSON under /api/, never Tomcat's page, and
 * leave nothing above WARN in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RefusingPages.class)
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorsTests {

	private static final String LONG = "a".repeat(20_000);

	private static final String HUGE_FORM = "email=" + "b".repeat(3_000_000);

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "invalid UTF-8 in a parameter | GET | /near?zip=%FF%FE | | 400",
					"invalid UTF-8 in the API | GET | /api/v1/campaigns?state=%C3%28 | | 400",
					"an encoded slash | GET | /campaigns/a%2Fb | | 400",
					"an encoded slash in the API | GET | /api/v1/campaigns/a%2Fb | | 400",
					"a 20 KB address | GET | /near?zip=LONG | | 414",
					"a 20 KB address in the API | GET | /api/v1/campaigns?state=LONG | | 414",
					"a 3 MB form | POST | /my-data | application/x-www-form-urlencoded | 413",
					"a 3 MB form in the API | POST | /api/test/only-post | application/x-www-form-urlencoded | 413",
					"a method a page does not take | GET | /test/only-post | | 405",
					"a method the API does not take | GET | /api/test/only-post | | 405",
					"a media type a page does not take | GET | /test/only-json | text/plain | 415",
					"a media type the API does not take | GET | /api/test/only-json | text/plain | 415" })
	void refusedWithTheSiteTranslatedAnswer(String what, String method, String path, String contentType, int status,
			CapturedOutput output) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + path.replace("LONG", LONG)))
			.header("Accept", "text/html")
			.header("Accept-Language", "es")
			.method(method, method.equals("POST") ? BodyPublishers.ofString(HUGE_FORM) : BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(what).isEqualTo(status);
		String contentTypeAnswered = response.headers().firstValue("Content-Type").orElse("");
		if (path.startsWith("/api/")) {
			assertThat(contentTypeAnswered).as(what).startsWith("application/json");
			assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo(text("error.client.text"));
			assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(status);
		}
		else {
			assertThat(contentTypeAnswered).as(what).startsWith("text/html");
			assertThat(response.body()).as(what)
				.contains("<html lang=\"es\"")
				.contains("<h1>" + html(text("error.client.title")) + "</h1>")
				.contains(text("error.code").replace("{0}", Integer.toString(status)))
				.doesNotContain("HTTP Status");
		}
		assertThat(output.getOut()).as(what).doesNotContain(" ERROR ");
	}

	@Test
	void formsAreStillReadAsUtf8(CapturedOutput output) throws Exception {
		String form = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/my-data")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		HttpRequest echo = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/test/echo"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
					+ "&name=" + URLEncoder.encode("Ñandú Åsa Zoë", StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = this.http.send(echo, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Ñandú Åsa Zoë");
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	/**
	 * A MOA may be 25 MB, so a 12 MB file reaches its form; a file past every form's
	 * limit gets the translated "too large" page, not the sheet upload page.
	 */
	@Test
	void uploadsReachTheirFormUpToTheLargestLimitAndAreRefusedPastIt() throws Exception {
		HttpResponse<String> accepted = upload(12 * 1024 * 1024);
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body()).isEqualTo(Integer.toString(12 * 1024 * 1024));
		HttpResponse<String> refused = upload(27 * 1024 * 1024);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("<html lang=\"es\"")
			.contains("<h1>" + html(text("error.tooLarge.title")) + "</h1>")
			.contains(html(text("error.tooLarge.text")))
			.doesNotContain(html(text("admin.import.title")));
	}

	private HttpResponse<String> upload(int bytes) throws Exception {
		String form = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/my-data")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		String boundary = "end287gBoundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token.group(1)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"moa.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + bytes + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(tail, 0, body, head.length + bytes, tail.length);
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/test/upload"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.header("Accept-Language", "es")
			.POST(BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.forLanguageTag("es"));
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;");
	}

}
