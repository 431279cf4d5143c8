package org.end287g.campaigns.signing;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.end287g.privacy.EmailAddress;
import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.end287g.validation.UsZip;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * What a person types into the signing form (also one paper signature: the same rules),
 * bound by Spring from the request ({@link Signer}, {@link PaperController}) and checked
 * by Bean Validation. Components are named as the form's fields, so binding needs no
 * mapping (a {@code @BindParam} costs the signing filter tens of microseconds a request).
 * Values are kept as typed, stripped; the boxes are ticked by any value but
 * {@code false}.
 */
record SignatureForm(
		@PlainText(max = SignatureForm.MAX_NAME, pattern = SignatureForm.NAME,
				required = "{signatures.error.firstName.empty}", tooLong = "{signatures.error.firstName.long}",
				message = "{signatures.error.firstName.invalid}") String firstName,
		@PlainText(max = SignatureForm.MAX_NAME, pattern = SignatureForm.NAME,
				required = "{signatures.error.lastName.empty}", tooLong = "{signatures.error.lastName.long}",
				message = "{signatures.error.lastName.invalid}") String lastName,
		@EmailAddress(tooLong = "{signatures.error.email.long}",
				message = "{signatures.error.email.invalid}") String email,
		@UsZip(required = "{signatures.error.zip.empty}", message = "{signatures.error.zip.invalid}",
				unknown = "{signatures.error.zip.unknown}") String zip,
		@PlainText(max = SignatureForm.MAX_COMMENT, multiline = true, visibleOnly = true, codePoints = true,
				tooLong = "{signatures.error.comment.long}",
				message = "{signatures.error.comment.invalid}") String comment,
		@Nullable String showPublicly, @Nullable String campaignUpdates, @Nullable String organizationNews,
		@Nullable String ref, @Nullable String share) {

	static final int MAX_NAME = 80;

	static final int MAX_COMMENT = 1000;

	/**
	 * Letters (any script, so right-to-left names too) and the marks, spaces,
	 * apostrophes, dots and hyphens names use; nothing a form could mistake for code.
	 */
	static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M} '\u2019.\\-]*";

	static final SignatureForm EMPTY = new SignatureForm("", "", "", "", "", null, null, null, null, null);

	/** The most partner boxes a form can carry: more is not a person ticking boxes. */
	static final int MAX_SHARES = 20;

	/**
	 * The ids of ticked partner boxes, comma-separated as {@link SigningFilter} joins
	 * them.
	 */
	private static final Pattern SHARES = Pattern.compile("[0-9]{1,18}(,[0-9]{1,18}){0," + (MAX_SHARES - 1) + "}");

	/**
	 * A referral code as share links carry it ({@code ?ref=}); anything else is dropped.
	 */
	private static final Pattern REFERRAL = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");

	/**
	 * A missing or malformed referral code is no code: it is never the signer's fault.
	 */
	SignatureForm {
		firstName = TypedText.line(firstName);
		lastName = TypedText.line(lastName);
		email = TypedText.line(email);
		zip = TypedText.line(zip);
		comment = TypedText.lines(comment);
		ref = (ref != null && REFERRAL.matcher(ref).matches()) ? ref : null;
		share = (share != null && share.isBlank()) ? null : share;
	}

	/** Whether the name may be shown (public: the page's expressions call it). */
	public boolean showsName() {
		return ticked(this.showPublicly);
	}

	public boolean wantsUpdates() {
		return ticked(this.campaignUpdates);
	}

	public boolean wantsNews() {
		return ticked(this.organizationNews);
	}

	/** The referral code of the share link the signer came by; {@code null} for none. */
	@Nullable String referral() {
		return this.ref;
	}

	/** Signing online needs an address to confirm by (paper does not). */
	void requireEmail(Errors errors) {
		if (this.email.isEmpty()) {
			errors.rejectValue("email", "signatures.error.email.empty");
		}
		if (this.share != null && !SHARES.matcher(this.share).matches()) {
			errors.rejectValue("share", "osdi.share.error.invalid");
		}
	}

	/**
	 * The organizations whose boxes were ticked (checked by {@link #requireEmail}); the
	 * signing keeps only the campaign's partners among them.
	 */
	Set<Long> sharedWith() {
		if (this.share == null || !SHARES.matcher(this.share).matches()) {
			return Set.of();
		}
		Set<Long> ids = new TreeSet<>();
		for (String id : this.share.split(",")) {
			ids.add(Long.parseLong(id));
		}
		return ids;
	}

	/** Whether this organization's box is ticked (the form shown again). */
	public boolean shares(long organizationId) {
		return sharedWith().contains(organizationId);
	}

	/**
	 * The same signature as entered from paper: the sheet has no box for showing the name
	 * or for news, and no share link.
	 */
	SignatureForm onPaper() {
		return new SignatureForm(this.firstName, this.lastName, this.email, this.zip, this.comment, null,
				this.campaignUpdates, null, null, null);
	}

	/** The comment as stored: {@code null} when none. */
	@Nullable String storedComment() {
		return this.comment.isBlank() ? null : this.comment;
	}

	private static boolean ticked(@Nullable String value) {
		return value != null && !value.isEmpty() && !"false".equals(value);
	}

}
