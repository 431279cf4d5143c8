package org.end287g.accounts.internal;

import org.jspecify.annotations.Nullable;

/**
 * A short, coarse description of a browser from its User-Agent header: the browser's and
 * the operating system's names only (no versions, nothing that singles a person out).
 * Unknown parts are empty.
 */
final class UserAgents {

	private UserAgents() {
	}

	static String browser(@Nullable String userAgent) {
		String ua = (userAgent != null) ? userAgent : "";
		if (ua.contains("Edg/") || ua.contains("Edge/")) {
			return "Edge";
		}
		if (ua.contains("OPR/") || ua.contains("Opera")) {
			return "Opera";
		}
		if (ua.contains("SamsungBrowser/")) {
			return "Samsung Internet";
		}
		if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
			return "Firefox";
		}
		if (ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("CriOS/")) {
			return "Chrome";
		}
		if (ua.contains("Safari/")) {
			return "Safari";
		}
		return "";
	}

	static String system(@Nullable String userAgent) {
		String ua = (userAgent != null) ? userAgent : "";
		if (ua.contains("Android")) {
			return "Android";
		}
		if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) {
			return "iOS";
		}
		if (ua.contains("Windows")) {
			return "Windows";
		}
		if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
			return "macOS";
		}
		if (ua.contains("CrOS")) {
			return "ChromeOS";
		}
		if (ua.contains("Linux")) {
			return "Linux";
		}
		return "";
	}

}
