package org.end287g.events.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.Pattern;
import org.end287g.privacy.EmailAddress;
import org.end287g.privacy.EmailAddresses;
import org.end287g.validation.Phone;
import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.end287g.validation.UsZip;

/**
 * The registration form as typed, with the answers to the event's questions (at most
 * {@value EventLists#MAX_QUESTIONS}, as {@code q0} to {@code q4}).
 */
record RegistrationForm(@PlainText(max = RegistrationForm.MAX_NAME, required = "{events.register.error.name.required}",
		tooLong = "{events.register.error.name.long}", message = "{events.register.error.name.malformed}") String name,
		@EmailAddress(required = "{events.register.error.email.required}",
				tooLong = "{events.register.error.email.long}",
				message = "{events.register.error.email.malformed}") String email,
		@UsZip(required = "{events.register.error.zip.required}", message = "{events.register.error.zip.malformed}",
				unknown = "{events.register.error.zip.unknown}") String zip,
		@Phone(message = "{events.register.error.phone.malformed}") String phone,
		@Pattern(regexp = "en|es", message = "{events.register.error.language}") String language,
		@PlainText(max = RegistrationForm.MAX_ANSWER, tooLong = "{events.register.error.answer.long}",
				message = "{events.register.error.answer.malformed}") String q0,
		@PlainText(max = RegistrationForm.MAX_ANSWER, tooLong = "{events.register.error.answer.long}",
				message = "{events.register.error.answer.malformed}") String q1,
		@PlainText(max = RegistrationForm.MAX_ANSWER, tooLong = "{events.register.error.answer.long}",
				message = "{events.register.error.answer.malformed}") String q2,
		@PlainText(max = RegistrationForm.MAX_ANSWER, tooLong = "{events.register.error.answer.long}",
				message = "{events.register.error.answer.malformed}") String q3,
		@PlainText(max = RegistrationForm.MAX_ANSWER, tooLong = "{events.register.error.answer.long}",
				message = "{events.register.error.answer.malformed}") String q4,
		@Pattern(regexp = RegistrationForm.SHARES, message = "{osdi.share.error.invalid}") String share) {

	/**
	 * The ids of ticked partner boxes, comma-separated as the binder joins a repeated
	 * parameter: at most {@value EventPartners#MAX_PARTNERS}, anything else refused.
	 */
	static final String SHARES = "|[0-9]{1,18}(,[0-9]{1,18}){0,19}";

	static final int MAX_NAME = 100;

	static final int MAX_ANSWER = 500;

	RegistrationForm {
		name = TypedText.line(name);
		email = TypedText.line(email);
		zip = TypedText.line(zip);
		phone = TypedText.line(phone);
		language = TypedText.line(language);
		q0 = TypedText.line(q0);
		q1 = TypedText.line(q1);
		q2 = TypedText.line(q2);
		q3 = TypedText.line(q3);
		q4 = TypedText.line(q4);
		share = TypedText.line(share);
	}

	/** An empty form in the reader's language. */
	static RegistrationForm blank(String language) {
		return new RegistrationForm("", "", "", "", language, "", "", "", "", "", "");
	}

	/** The checked registration, with the answers to the event's questions. */
	Registrations.Form registration(int questions) {
		List<String> answers = List.of(this.q0, this.q1, this.q2, this.q3, this.q4).subList(0, questions);
		return new Registrations.Form(this.name, EmailAddresses.normalize(this.email), this.zip,
				this.phone.isEmpty() ? null : this.phone, Locale.forLanguageTag(this.language), answers, sharedWith());
	}

	/** The ticked partner boxes (the event keeps only its partners among them). */
	Set<Long> sharedWith() {
		if (this.share.isEmpty() || !this.share.matches(SHARES)) {
			return Set.of();
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (String id : this.share.split(",")) {
			ids.add(Long.parseLong(id));
		}
		return ids;
	}

	/** Whether this partner's box is ticked (the form shown again). */
	public boolean shares(long organizationId) {
		return sharedWith().contains(organizationId);
	}

}
