package org.end287g.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A choice among an enum's constants (a role, a kind of event), by the constant's exact
 * name. Blank is no choice, refused too: a choice is always made.
 */
@Documented
@Constraint(validatedBy = EnumNameValidator.class)
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumName {

	/** The enum whose constants' names are the choices. */
	Class<? extends Enum<?>> value();

	String message() default "{validation.choice}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
