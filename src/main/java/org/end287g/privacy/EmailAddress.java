package org.end287g.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An e-mail address typed into a form, checked by the one rule every form and the outbox
 * share ({@link EmailAddresses#isValid}): at most {@value EmailAddresses#MAX_LENGTH}
 * characters once stripped, then the address itself.
 */
@Documented
@Constraint(validatedBy = EmailAddressValidator.class)
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

	/** The message when the address is blank; blank is fine when empty. */
	String required() default "";

	/** The message when the address is too long. */
	String tooLong();

	/** The message when the text is not an address we can send mail to. */
	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
