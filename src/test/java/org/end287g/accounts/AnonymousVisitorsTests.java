package org.end287g.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: an anonymous visitor whose post is refused (no CSRF token, a used link)
 * gets no session, so refused requests cannot fill the session store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousVisitorsTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> post(String path, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static boolean setsSession(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().anyMatch((c) -> c.startsWith("END287G_SESSION="));
	}

	@Test
	void refusedPostsCreateNoSession() throws Exception {
		HttpResponse<String> noToken = post("/sign-in", "email=someone%40example.org");
		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(setsSession(noToken)).isFalse();
		HttpResponse<String> forged = post("/login/ott", "token=00000000-0000-0000-0000-000000000000&_csrf=forged");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(setsSession(forged)).isFalse();
		HttpResponse<String> page = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/sign-in")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(setsSession(page)).isFalse();
	}

}
