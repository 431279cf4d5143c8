package org.end287g.campaigns.leaders;

import java.util.regex.Pattern;

import org.end287g.privacy.EmailAddresses;

/**
 * The rules of the leaders' forms, as message keys of the error ({@code null} when the
 * value is fine). Values are bound as SQL parameters and escaped when shown, so script
 * and SQL in a text are harmless words; addresses, ZIP codes, numbers and dates are
 * strict.
 */
final class LeaderFields {

	static final int MAX_NAME = 100;

	static final int MAX_WHY = 2_000;

	static final int MAX_PETITION = 5_000;

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 20_000;

	static final int MAX_GOAL = 1_000_000;

	private static final Pattern ZIP = Pattern.compile("[0-9]{5}");

	private static final Pattern PHONE = Pattern.compile("[0-9+().\\- ]{7,32}");

	/** Control characters other than line breaks and tabs. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cc}");

	private LeaderFields() {
	}

	/** A one-line text (a name, a title): required, at most {@code max} characters. */
	static String line(String value, int max, String key) {
		String text = strip(value);
		if (text.isEmpty()) {
			return key + ".required";
		}
		if (text.length() > max) {
			return key + ".long";
		}
		if (ANY_CONTROL.matcher(text).find()) {
			return key + ".malformed";
		}
		return null;
	}

	/** A text of several lines: at most {@code max} characters, required or not. */
	static String text(String value, int max, boolean required, String key) {
		String text = multiline(value);
		if (text.isEmpty()) {
			return required ? key + ".required" : null;
		}
		if (text.length() > max) {
			return key + ".long";
		}
		if (CONTROL.matcher(text).find()) {
			return key + ".malformed";
		}
		return null;
	}

	static String email(String value) {
		String email = strip(value);
		if (email.isEmpty()) {
			return "leaders.error.email.required";
		}
		if (email.length() > EmailAddresses.MAX_LENGTH) {
			return "leaders.error.email.long";
		}
		return EmailAddresses.isValid(email) ? null : "leaders.error.email.malformed";
	}

	/** Five digits; whether the ZIP code exists is the caller's second check. */
	static boolean zipShape(String value) {
		return ZIP.matcher(strip(value)).matches();
	}

	static String phone(String value) {
		String phone = strip(value);
		return (phone.isEmpty() || PHONE.matcher(phone).matches()) ? null : "leaders.error.phone.malformed";
	}

	static String strip(String value) {
		return (value == null) ? "" : value.strip();
	}

	/** Line breaks as {@code \n}, surrounding blank space removed. */
	static String multiline(String value) {
		return (value == null) ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	/** What a form shows back: absurdly long values are dropped. */
	static String echo(String value, int max) {
		return (value == null || value.length() > max * 2) ? "" : value;
	}

}
