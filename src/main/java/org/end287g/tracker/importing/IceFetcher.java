package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.end287g.tracker.DateSource;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.PublishedAt;
import org.end287g.tracker.SheetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Downloads ICE's 287(g) page, finds the current participating and pending .xlsx links
 * and imports them, participating first. A file name without a date takes the
 * Last-Modified header's, else the time of the fetch. Importing a file twice is harmless
 * (checksum), and a database lease keeps two app instances from fetching at once.
 */
@Component
class IceFetcher {

	private static final Logger log = LoggerFactory.getLogger(IceFetcher.class);

	private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']([^\"']+)[\"']", Pattern.CASE_INSENSITIVE);

	private static final long MAX_PAGE_BYTES = 2L * 1024 * 1024;

	private static final Pattern SHEET = Pattern.compile("(participating|pending)[ _-]?agenc(?:ies|y)");

	/** ICE publishes from Washington; its file names' dates are in this zone. */
	private static final ZoneId ICE_ZONE = ZoneId.of("America/New_York");

	private final IceSheets sheets;

	private final FetchProperties properties;

	private final FetchLease lease;

	private final HttpClient http;

	private final MeterRegistry meters;

	IceFetcher(IceSheets sheets, FetchProperties properties, FetchLease lease) {
		this(sheets, properties, lease, new SimpleMeterRegistry());
	}

	/**
	 * The fetcher of the running application.
	 * @param sheets where fetched sheets go
	 * @param properties where and how to fetch
	 * @param lease one instance fetches at a time
	 * @param meters counts fetches by outcome ({@code end287g.ice.fetches}: "fetched"
	 * when ICE's page and sheets were read, whether new or not, "failed" otherwise), the
	 * figure behind the "fetch stale" alert (docs/operations.md)
	 */
	@Autowired
	IceFetcher(IceSheets sheets, FetchProperties properties, FetchLease lease, MeterRegistry meters) {
		this.meters = meters;
		this.sheets = sheets;
		this.properties = properties;
		this.lease = lease;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		// both outcomes from the start, so "no fetch in a day" is a zero, not an absent
		// series
		fetches("fetched");
		fetches("failed");
	}

	@Scheduled(cron = "${end287g.ice.fetch.cron:0 23 */4 * * *}")
	void scheduled() {
		if (this.properties.enabled()) {
			fetchOnce().forEach((result) -> log.info("Fetched {}", result.summary()));
		}
	}

	/** Fetches unless another instance holds the lease. */
	List<ImportResult> fetchOnce() {
		if (!this.lease.tryAcquire(this.properties.timeout().multipliedBy(4))) {
			log.info("ICE fetch skipped: another instance is fetching");
			return List.of();
		}
		String outcome = "failed";
		try {
			List<ImportResult> results = fetch(this.properties.url());
			outcome = "fetched";
			return results;
		}
		catch (IOException ex) {
			log.warn("ICE fetch failed: {}", ex.getMessage());
			return List.of();
		}
		finally {
			fetches(outcome).increment();
			this.lease.release();
		}
	}

	private Counter fetches(String outcome) {
		return Counter.builder("end287g.ice.fetches")
			.description("fetches of ICE's page by this instance, by outcome")
			.tag("outcome", outcome)
			.register(this.meters);
	}

	List<ImportResult> fetch(URI page) throws IOException {
		String html;
		try (InputStream in = get(page).body()) {
			html = new String(limited(in, MAX_PAGE_BYTES), StandardCharsets.UTF_8);
		}
		List<ImportResult> results = new ArrayList<>();
		Map<String, URI> links = sheetLinks(html, page);
		// participating first: agencies ICE signed leave the pending list for it
		for (String list : List.of("PARTICIPATING", "PENDING")) {
			URI sheet = links.get(list);
			if (sheet == null) {
				continue;
			}
			HttpResponse<InputStream> response = get(sheet);
			try (InputStream in = new BoundedInput(response.body(), this.properties.maxBytes())) {
				String path = sheet.getPath();
				String fileName = path.substring(path.lastIndexOf('/') + 1);
				results.add(this.sheets.importSheet(in, fileName, SheetSource.FETCH, publishedAt(response)));
			}
		}
		return results;
	}

	/**
	 * For a file name without a date: the Last-Modified header, else the time of the
	 * fetch, in ICE's time zone (the zone of the dates in its file names).
	 */
	static PublishedAt publishedAt(HttpResponse<?> response) {
		Optional<String> header = response.headers().firstValue("Last-Modified");
		if (header.isPresent()) {
			try {
				return new PublishedAt(ZonedDateTime.parse(header.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
					.withZoneSameInstant(ICE_ZONE)
					.toLocalDateTime(), DateSource.LAST_MODIFIED);
			}
			catch (DateTimeParseException ex) {
				log.debug("Ignoring a malformed Last-Modified {}", header.get());
			}
		}
		return new PublishedAt(LocalDateTime.now(ICE_ZONE).withNano(0), DateSource.FETCH_TIME);
	}

	/**
	 * The first link to each list's .xlsx on the page, resolved against the page address.
	 */
	static Map<String, URI> sheetLinks(String html, URI page) {
		Map<String, URI> links = new LinkedHashMap<>();
		Matcher href = HREF.matcher(html);
		while (href.find()) {
			String target = href.group(1).replace("&amp;", "&").trim();
			String lower = target.toLowerCase(Locale.ROOT);
			Matcher sheet = SHEET.matcher(lower.substring(lower.lastIndexOf('/') + 1));
			String list = sheet.find() ? sheet.group(1).toUpperCase(Locale.ROOT) : null;
			if (list != null && lower.contains(".xlsx")) {
				try {
					URI uri = page.resolve(target.replace(" ", "%20"));
					if ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
						links.putIfAbsent(list, uri);
					}
				}
				catch (IllegalArgumentException ex) {
					log.debug("Ignoring malformed link {}", target);
				}
			}
		}
		return links;
	}

	private HttpResponse<InputStream> get(URI uri) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.timeout())
			.header("User-Agent", "end287g tracker")
			.GET()
			.build();
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				response.body().close();
				throw new IOException("HTTP " + response.statusCode() + " for " + uri);
			}
			return response;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	/** Stops a download at the size limit with the importer's too-big refusal. */
	private static final class BoundedInput extends java.io.FilterInputStream {

		private final long limit;

		private long read;

		BoundedInput(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			this.read += Math.max(n, 0);
			if (this.read > this.limit) {
				throw SheetRejected.tooBig(this.limit);
			}
			return n;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

	}

	private static byte[] limited(InputStream in, long limit) throws IOException {
		byte[] bytes = in.readNBytes((int) limit + 1);
		if (bytes.length > limit) {
			throw new IOException("page larger than " + limit + " bytes");
		}
		return bytes;
	}

}
