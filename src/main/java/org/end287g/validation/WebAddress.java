package org.end287g.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A web address a page may link to: {@code http} or {@code https} with a host, at most
 * {@link #max} characters, nothing a browser could run ({@code javascript:}).
 */
@Documented
@Constraint(validatedBy = WebAddressValidator.class)
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebAddress {

	/** The most characters the address may have. */
	int max() default 500;

	/** The message when the address is blank; blank is fine when empty. */
	String required() default "";

	/** The message when the address is longer than {@link #max}. */
	String tooLong() default "{validation.url.long}";

	/** The message when the text is not such an address. */
	String message() default "{validation.url.malformed}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
