package org.end287g.impact.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The checks figures, wins and their sources share, each refusal a message key for the
 * field it names. Values come in as typed (forms and CSV alike) and are read only once
 * every check passed, so nothing half-read is ever saved.
 */
final class Checks {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final List<Refusal> refusals = new ArrayList<>();

	/** A refused value: the field and the message key saying how to fix it. */
	record Refusal(String field, String key) {
	}

	/** The first refusal of each field, for a form to show beside it. */
	static Map<String, String> byField(List<Refusal> refusals) {
		Map<String, String> errors = new LinkedHashMap<>();
		refusals.forEach((refusal) -> errors.putIfAbsent(refusal.field(), refusal.key()));
		return errors;
	}

	List<Refusal> refusals() {
		return List.copyOf(this.refusals);
	}

	boolean ok() {
		return this.refusals.isEmpty();
	}

	void refuse(String field, String key) {
		this.refusals.add(new Refusal(field, key));
	}

	/** A one-line text, stripped; null when empty or refused. */
	@Nullable String text(String field, @Nullable String value, int max, boolean required) {
		return text(field, value, max, required, false);
	}

	@Nullable String text(String field, @Nullable String value, int max, boolean required, boolean multiline) {
		String text = (value != null) ? value.replace("\r\n", "\n").strip() : "";
		if (text.isEmpty()) {
			if (required) {
				refuse(field, "impact.error.required");
			}
			return null;
		}
		if (text.codePointCount(0, text.length()) > max) {
			refuse(field, "impact.error.long");
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = multiline && c == '\n';
			if (!allowed && (Character.getType(c) == Character.CONTROL || invisible(c))) {
				refuse(field, "impact.error.text");
				return null;
			}
		}
		return text;
	}

	/** One of the allowed names, upper-cased; {@code fallback} when empty. */
	@Nullable String choice(String field, @Nullable String value, List<String> allowed, @Nullable String fallback) {
		String text = (value != null) ? value.strip().toUpperCase(Locale.ROOT).replace(' ', '_') : "";
		if (text.isEmpty() && fallback != null) {
			return fallback;
		}
		if (!allowed.contains(text)) {
			refuse(field, text.isEmpty() ? "impact.error.required" : "impact.error.choice");
			return null;
		}
		return text;
	}

	/** One of {@code allowed}, or null when the value is left empty. */
	@Nullable String optionalChoice(String field, @Nullable String value, List<String> allowed) {
		return (value == null || value.isBlank()) ? null : choice(field, value, allowed, null);
	}

	@Nullable LocalDate date(String field, @Nullable String value) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() < 1900 || date.getYear() > 2200) {
				refuse(field, "impact.error.date");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			refuse(field, "impact.error.date");
			return null;
		}
	}

	/** A web address people can open: http or https, with a host. */
	@Nullable String url(String field, @Nullable String value) {
		String text = text(field, value, 1000, false);
		if (text == null) {
			return null;
		}
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return text;
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		refuse(field, "impact.error.url");
		return null;
	}

	/** A tracker slug such as {@code nc-mecklenburg-county-sheriffs-office}. */
	@Nullable String slug(String field, @Nullable String value, boolean required) {
		String text = text(field, value, 200, required);
		if (text == null) {
			return null;
		}
		if (!SLUG.matcher(text).matches()) {
			refuse(field, "impact.error.slug");
			return null;
		}
		return text;
	}

	/**
	 * Bidi embeddings, overrides and isolates, zero-width marks and the byte-order mark.
	 */
	private static boolean invisible(char c) {
		return (c >= '\u200b' && c <= '\u200f') || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2060' && c <= '\u2069')
				|| c == '\ufeff';
	}

}
