package org.end287g.places;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Writes one SVG map. Every text and attribute value is XML-escaped; links must be
 * site-relative or http(s) and class names plain words, so caller data cannot inject
 * markup or script.
 */
final class SvgDocument {

	private static final Pattern SAFE_HREF = Pattern.compile("(/(?!/)|https?://)[^\\s]*", Pattern.CASE_INSENSITIVE);

	private static final Pattern CSS_CLASS = Pattern.compile("[a-z][a-z0-9-]*");

	private final StringBuilder out = new StringBuilder(1 << 20);

	SvgDocument(String id, String viewBox, String title, boolean interactive) {
		String titleId = "map-title-" + id.toLowerCase(Locale.ROOT);
		// role="img" would hide the links inside from assistive technology.
		this.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"")
			.append(escape(viewBox))
			.append("\" role=\"")
			.append(interactive ? "group" : "img")
			.append("\" aria-labelledby=\"")
			.append(escape(titleId))
			.append("\"><title id=\"")
			.append(escape(titleId))
			.append("\">")
			.append(escape(title))
			.append("</title>");
	}

	@Contract("null -> false")
	static boolean isSafeHref(@Nullable String href) {
		return href != null && SAFE_HREF.matcher(href).matches();
	}

	/**
	 * Opens a link if the href is safe; returns whether it did, so the caller can close
	 * it.
	 */
	boolean openLink(@Nullable String href, String label) {
		if (!isSafeHref(href)) {
			return false;
		}
		this.out.append("<a href=\"")
			.append(escape(href))
			.append("\" aria-label=\"")
			.append(escape(label))
			.append("\">");
		return true;
	}

	void closeLink(boolean opened) {
		if (opened) {
			this.out.append("</a>");
		}
	}

	void county(@Nullable String shadeClass, String path, String label) {
		this.out.append("<path class=\"county");
		if (shadeClass != null) {
			for (String word : shadeClass.strip().split("\\s+")) {
				if (CSS_CLASS.matcher(word).matches()) {
					this.out.append(' ').append(word);
				}
			}
		}
		// Path data comes from the jar, never from a caller.
		this.out.append("\" d=\"").append(path).append("\"><title>").append(escape(label)).append("</title></path>");
	}

	void border(String path) {
		this.out.append("<path class=\"state-border\" d=\"").append(path).append("\"/>");
	}

	String close() {
		return this.out.append("</svg>").toString();
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(isXmlChar(c) ? c : '\uFFFD');
			}
		}
		return escaped.toString();
	}

	// Control characters are not allowed in XML 1.0 even when escaped.
	private static boolean isXmlChar(char c) {
		return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
	}

}
