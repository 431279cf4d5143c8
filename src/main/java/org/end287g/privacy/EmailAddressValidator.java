package org.end287g.privacy;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link EmailAddress}: blank, then length, then the address. */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

	private EmailAddress constraint;

	@Override
	public void initialize(EmailAddress constraint) {
		this.constraint = constraint;
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		String email = (value == null) ? "" : value.strip();
		if (email.isEmpty()) {
			return this.constraint.required().isEmpty() || reject(context, this.constraint.required());
		}
		if (email.length() > EmailAddresses.MAX_LENGTH) {
			return reject(context, this.constraint.tooLong());
		}
		return EmailAddresses.isValid(email) || reject(context, this.constraint.message());
	}

	private static boolean reject(ConstraintValidatorContext context, String message) {
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
		return false;
	}

}
