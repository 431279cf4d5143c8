package org.end287g.tracker.moa;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Downloads one PDF from ICE: redirects followed a few times at most, each only to an
 * allowed host (a redirect must not lead us inside our own network), a deadline on
 * connecting, on the answer and on the whole body (a server that trickles bytes is cut
 * off), and never more than the size limit read. What comes back must start like a PDF
 * (ICE sometimes answers with an HTML page).
 */
@Component
class MoaDownloader {

	/** Redirects followed before giving up (a loop ends here). */
	private static final int MAX_REDIRECTS = 5;

	private final MoaProperties properties;

	private final HttpClient http;

	MoaDownloader(MoaProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	byte[] download(URI uri) {
		URI next = uri;
		for (int hop = 0;; hop++) {
			if (!this.properties.allows(next)
					|| !("https".equals(next.getScheme()) || "http".equals(next.getScheme()))) {
				throw MoaRejected.download("host not allowed: " + next.getHost());
			}
			Answer answer = get(next);
			if (answer.redirect() == null) {
				return answer.pdf();
			}
			if (hop == MAX_REDIRECTS) {
				throw MoaRejected.download("too many redirects");
			}
			try {
				next = next.resolve(answer.redirect());
			}
			catch (IllegalArgumentException ex) {
				throw MoaRejected.download("malformed redirect");
			}
		}
	}

	/** A PDF, or where the server sends us instead. */
	private record Answer(byte[] pdf, @Nullable String redirect) {
	}

	private Answer get(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header("User-Agent", "end287g tracker")
			.header("Accept", "application/pdf")
			.GET()
			.build();
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				int status = response.statusCode();
				Optional<String> location = response.headers().firstValue("Location");
				if (status >= 300 && status < 400 && location.isPresent()) {
					return new Answer(new byte[0], location.get().trim());
				}
				if (status != 200) {
					throw MoaRejected.download("HTTP " + status);
				}
				// closing the body at the deadline ends a read that would otherwise wait
				CompletableFuture.delayedExecutor(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
					.execute(() -> closeQuietly(body));
				return new Answer(bounded(body, this.properties.maxBytes()), null);
			}
		}
		catch (HttpTimeoutException ex) {
			throw MoaRejected.download("timed out");
		}
		catch (IOException ex) {
			throw MoaRejected.download(String.valueOf(ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw MoaRejected.download("interrupted");
		}
	}

	/**
	 * Reads at most {@code limit} bytes and refuses the file beyond them; a body that
	 * does not begin like a PDF is refused after its first kilobyte.
	 */
	static byte[] bounded(InputStream in, long limit) throws IOException {
		byte[] head = in.readNBytes(1024);
		if (!MoaReader.isPdf(head)) {
			throw MoaRejected.notPdf();
		}
		byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 2048, limit - head.length + 1));
		if (head.length + (long) rest.length > limit) {
			throw MoaRejected.tooBig(limit);
		}
		byte[] all = new byte[head.length + rest.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(rest, 0, all, head.length, rest.length);
		return all;
	}

	private static void closeQuietly(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// already closed or broken: the reader sees the failure
		}
	}

}
