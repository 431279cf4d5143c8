package org.end287g.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A US ZIP code as every form takes it: exactly five ASCII digits (no ZIP+4), and, when
 * {@link #unknown} is given, one the bundled places know.
 */
@Documented
@Constraint(validatedBy = UsZipValidator.class)
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface UsZip {

	/** The message when the code is blank; blank is fine when empty. */
	String required() default "";

	/** The message when the code is not five digits. */
	String message() default "{validation.zip.malformed}";

	/**
	 * The message when five digits name no ZIP code we know; no such check when empty.
	 */
	String unknown() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
