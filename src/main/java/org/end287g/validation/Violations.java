package org.end287g.validation;

import jakarta.validation.ConstraintValidatorContext;

/** How this package's validators name one problem, by the message template given. */
final class Violations {

	private Violations() {
	}

	/** Reports the problem with its own message instead of the constraint's default. */
	static boolean reject(ConstraintValidatorContext context, String message) {
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
		return false;
	}

}
