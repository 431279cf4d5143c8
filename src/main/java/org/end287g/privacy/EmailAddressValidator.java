package org.end287g.privacy;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link EmailAddress}: blank, then length, then the address. */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

	private String required = "";

	private String tooLong = "";

	private String invalid = "";

	@Override
	public void initialize(EmailAddress constraint) {
		this.required = constraint.required();
		this.tooLong = constraint.tooLong();
		this.invalid = constraint.message();
	}

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		String email = (value != null) ? value.strip() : "";
		if (email.isEmpty()) {
			return this.required.isEmpty() || reject(context, this.required);
		}
		if (email.length() > EmailAddresses.MAX_LENGTH) {
			return reject(context, this.tooLong);
		}
		return EmailAddresses.isValid(email) || reject(context, this.invalid);
	}

	private static boolean reject(ConstraintValidatorContext context, String message) {
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
		return false;
	}

}
