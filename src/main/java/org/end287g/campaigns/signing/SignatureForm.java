package org.end287g.campaigns.signing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.end287g.privacy.EmailAddresses;

/**
 * What a person types into the signing form (also one paper signature: the same rules),
 * and its checks. Values are kept as typed; {@link #errors} names each field's problem by
 * message key, in the form's order.
 */
record SignatureForm(String firstName, String lastName, String email, String zip, String comment, boolean showPublicly,
		boolean campaignUpdates, boolean organizationNews, String referral) {

	static final int MAX_NAME = 80;

	static final int MAX_COMMENT = 1000;

	static final SignatureForm EMPTY = new SignatureForm("", "", "", "", "", false, false, false, null);

	/**
	 * A referral code as share links carry it ({@code ?ref=}); anything else is dropped.
	 */
	private static final Pattern REFERRAL = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");

	/**
	 * Letters (any script, so right-to-left names too) and the marks, spaces,
	 * apostrophes, dots and hyphens names use; nothing a form could mistake for code.
	 */
	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '\u2019.\\-]*");

	private static final Pattern ZIP = Pattern.compile("[0-9]{5}");

	/**
	 * Control characters but line breaks and tabs, and the invisible characters that
	 * reorder or hide text (bidi overrides, zero-width marks).
	 */
	private static final Pattern HIDDEN = Pattern
		.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]|[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]");

	static SignatureForm of(String firstName, String lastName, String email, String zip, String comment,
			String showPublicly, String campaignUpdates, String organizationNews) {
		return new SignatureForm(clean(firstName), clean(lastName), clean(email), clean(zip), comment(comment),
				checked(showPublicly), checked(campaignUpdates), checked(organizationNews), null);
	}

	/**
	 * The same form with the referral code of the share link the signer came by; a
	 * missing or malformed code is no code (it is never the signer's fault).
	 */
	SignatureForm withReferral(String code) {
		return new SignatureForm(this.firstName, this.lastName, this.email, this.zip, this.comment, this.showPublicly,
				this.campaignUpdates, this.organizationNews,
				(code != null && REFERRAL.matcher(code).matches()) ? code : null);
	}

	/**
	 * Problems by field name (firstName, lastName, email, zip, comment); empty when fine.
	 */
	Map<String, String> errors(Places places, boolean emailRequired) {
		Map<String, String> errors = new LinkedHashMap<>();
		name("firstName", this.firstName, errors);
		name("lastName", this.lastName, errors);
		if (this.email.isEmpty()) {
			if (emailRequired) {
				errors.put("email", "signatures.error.email.empty");
			}
		}
		else if (this.email.length() > EmailAddresses.MAX_LENGTH) {
			errors.put("email", "signatures.error.email.long");
		}
		else if (!EmailAddresses.isValid(this.email)) {
			errors.put("email", "signatures.error.email.invalid");
		}
		if (this.zip.isEmpty()) {
			errors.put("zip", "signatures.error.zip.empty");
		}
		else if (!ZIP.matcher(this.zip).matches()) {
			errors.put("zip", "signatures.error.zip.invalid");
		}
		else if (places.zip(this.zip).isEmpty()) {
			errors.put("zip", "signatures.error.zip.unknown");
		}
		if (this.comment.codePointCount(0, this.comment.length()) > MAX_COMMENT) {
			errors.put("comment", "signatures.error.comment.long");
		}
		else if (HIDDEN.matcher(this.comment).find()) {
			errors.put("comment", "signatures.error.comment.invalid");
		}
		return errors;
	}

	/** The place of a checked ZIP code. */
	Optional<ZipCode> place(Places places) {
		return places.zip(this.zip);
	}

	/** The values shown back in a form with errors: nothing overlong. */
	SignatureForm shownBack() {
		return new SignatureForm(shorter(this.firstName, MAX_NAME), shorter(this.lastName, MAX_NAME),
				shorter(this.email, EmailAddresses.MAX_LENGTH), shorter(this.zip, 10),
				shorter(this.comment, MAX_COMMENT * 2), this.showPublicly, this.campaignUpdates, this.organizationNews,
				this.referral);
	}

	/** The comment as stored: {@code null} when none. */
	String storedComment() {
		return this.comment.isBlank() ? null : this.comment;
	}

	private static void name(String field, String value, Map<String, String> errors) {
		if (value.isEmpty()) {
			errors.put(field, "signatures.error." + field + ".empty");
		}
		else if (value.length() > MAX_NAME) {
			errors.put(field, "signatures.error." + field + ".long");
		}
		else if (!NAME.matcher(value).matches()) {
			errors.put(field, "signatures.error." + field + ".invalid");
		}
	}

	private static String clean(String value) {
		return (value == null) ? "" : value.strip();
	}

	private static String comment(String value) {
		return (value == null) ? "" : value.strip().replace("\r\n", "\n");
	}

	private static boolean checked(String value) {
		return value != null && !value.isEmpty() && !"false".equals(value);
	}

	private static String shorter(String value, int max) {
		return (value.length() > max) ? "" : value;
	}

}
