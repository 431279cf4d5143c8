package org.end287g.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A phone number as people write it: 7 to 32 of digits, spaces and {@code + ( ) . -}.
 * Blank is fine (no number).
 */
@Documented
@Constraint(validatedBy = PhoneValidator.class)
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Phone {

	String message() default "{validation.phone.malformed}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
