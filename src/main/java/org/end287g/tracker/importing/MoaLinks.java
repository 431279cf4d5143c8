package org.end287g.tracker.importing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The URL of an MOA or addendum: the cell's hyperlink, or the cell text when ICE typed a
 * URL. Outlook "safe links" that wrap ICE's address are unwrapped; only http and https
 * are kept.
 */
final class MoaLinks {

	private static final int MAX_LENGTH = 1000;

	private MoaLinks() {
	}

	static Optional<String> url(@Nullable String hyperlink, @Nullable String cellText) {
		String candidate = (hyperlink != null && !hyperlink.isBlank()) ? hyperlink.trim() : Names.tidy(cellText);
		return safe(unwrap(candidate));
	}

	private static String unwrap(String url) {
		int query = url.indexOf("safelinks.protection.outlook.com/?url=");
		if (query < 0) {
			return url;
		}
		String wrapped = url.substring(url.indexOf("?url=") + 5);
		int end = wrapped.indexOf('&');
		return URLDecoder.decode((end < 0) ? wrapped : wrapped.substring(0, end), StandardCharsets.UTF_8);
	}

	private static Optional<String> safe(String url) {
		if (url.isEmpty() || url.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		try {
			URI uri = URI.create(url);
			String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			boolean web = scheme.equals("http") || scheme.equals("https");
			return (web && uri.getHost() != null) ? Optional.of(url) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
