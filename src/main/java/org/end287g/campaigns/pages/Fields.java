package org.end287g.campaigns.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks of form fields shared by the staff and leader forms of this part. */
public final class Fields {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	private static final Pattern PHONE = Pattern.compile("[0-9+().\\- x]{7,40}");

	private Fields() {
	}

	/** The trimmed value, or {@code null} when blank. */
	public static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * Puts a message key into {@code errors} when the value is too long or holds control
	 * characters; returns the trimmed value.
	 */
	public static String text(String name, String value, int max, boolean required, boolean multiline,
			Map<String, String> errors) {
		String trimmed = trimmed(value);
		if (trimmed == null) {
			if (required) {
				errors.put(name, "staff.error.required");
			}
			return null;
		}
		if (trimmed.length() > max) {
			errors.put(name, "staff.error.tooLong." + max);
		}
		else if (CONTROL.matcher(trimmed).find() || (!multiline
				&& (trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0 || trimmed.indexOf('\t') >= 0))) {
			errors.put(name, "staff.error.control");
		}
		return trimmed;
	}

	public static String phone(String name, String value, Map<String, String> errors) {
		String trimmed = text(name, value, 40, false, false, errors);
		if (trimmed != null && !errors.containsKey(name) && !PHONE.matcher(trimmed).matches()) {
			errors.put(name, "staff.error.phone");
		}
		return trimmed;
	}

	/** A web address: http or https with a host, nothing else. */
	public static String url(String name, String value, Map<String, String> errors) {
		String trimmed = text(name, value, 500, false, false, errors);
		if (trimmed == null || errors.containsKey(name)) {
			return trimmed;
		}
		try {
			URI uri = new URI(trimmed);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| uri.getHost().isBlank()) {
				errors.put(name, "staff.error.url");
			}
		}
		catch (URISyntaxException ex) {
			errors.put(name, "staff.error.url");
		}
		return trimmed;
	}

}
