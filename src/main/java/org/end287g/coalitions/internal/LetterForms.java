package org.end287g.coalitions.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** The forms that write, sign and deliver letters, bound and checked by Spring. */
final class LetterForms {

	static final int MAX_BODY = 10_000;

	private LetterForms() {
	}

	/**
	 * A letter's target and words.
	 *
	 * @param target an office id of the campaign's targets, or {@code head} for the head
	 * staff typed on the campaign
	 */
	record LetterForm(String target,
			@PlainText(max = 200, required = "{staff.error.required}", tooLong = "{staff.error.tooLong.200}",
					message = "{staff.error.control}") String titleEn,
			@PlainText(max = 200, required = "{staff.error.required}", tooLong = "{staff.error.tooLong.200}",
					message = "{staff.error.control}") String titleEs,
			@PlainText(max = MAX_BODY, multiline = true, required = "{staff.error.required}",
					tooLong = "{coalitions.error.tooLong.10000}", message = "{staff.error.control}") String bodyEn,
			@PlainText(max = MAX_BODY, multiline = true, required = "{staff.error.required}",
					tooLong = "{coalitions.error.tooLong.10000}", message = "{staff.error.control}") String bodyEs) {

		LetterForm {
			target = TypedText.line(target);
			titleEn = TypedText.line(titleEn);
			titleEs = TypedText.line(titleEs);
			bodyEn = TypedText.lines(bodyEn);
			bodyEs = TypedText.lines(bodyEs);
		}

		static LetterForm empty() {
			return new LetterForm("", "", "", "", "");
		}

		static LetterForm of(Letter letter) {
			return new LetterForm((letter.targetOfficeId() != null) ? letter.targetOfficeId().toString() : "head",
					letter.titleEn(), letter.titleEs(), letter.bodyEn(), letter.bodyEs());
		}

		Letters.Words words() {
			return new Letters.Words(this.titleEn, this.titleEs, this.bodyEn, this.bodyEs);
		}

	}

	/**
	 * An organization's signature.
	 *
	 * @param organization the id of one of the signed-in organizer's organizations
	 */
	record SignForm(String organization,
			@PlainText(max = 200, required = "{coalitions.error.signer.required}",
					tooLong = "{staff.error.tooLong.200}", message = "{staff.error.control}") String signerName,
			@PlainText(max = 200, tooLong = "{staff.error.tooLong.200}",
					message = "{staff.error.control}") String signerTitle) {

		SignForm {
			organization = TypedText.line(organization);
			signerName = TypedText.line(signerName);
			signerTitle = TypedText.line(signerTitle);
		}

	}

	/** The delivery of a letter and the target's response; every field may be empty. */
	record DeliveryForm(String deliveredOn, @PlainText(max = 5000, multiline = true,
			tooLong = "{staff.error.tooLong.5000}", message = "{staff.error.control}") String response,
			String responseOn) {

		DeliveryForm {
			deliveredOn = TypedText.line(deliveredOn);
			response = TypedText.lines(response);
			responseOn = TypedText.line(responseOn);
		}

		static DeliveryForm of(Letter letter) {
			return new DeliveryForm((letter.deliveredOn() != null) ? letter.deliveredOn().toString() : "",
					(letter.response() != null) ? letter.response() : "",
					(letter.responseOn() != null) ? letter.responseOn().toString() : "");
		}

		/** A day not after today anywhere nor before 2000; null when empty or wrong. */
		static @Nullable LocalDate day(String value, String field, Errors errors) {
			if (value.isEmpty()) {
				return null;
			}
			try {
				LocalDate date = LocalDate.parse(value);
				if (date.isAfter(LocalDate.now(ZoneOffset.ofHours(14))) || date.isBefore(LocalDate.of(2000, 1, 1))) {
					errors.rejectValue(field, "coalitions.error.date");
				}
				return date;
			}
			catch (DateTimeParseException ex) {
				errors.rejectValue(field, "coalitions.error.date");
				return null;
			}
		}

	}

}
