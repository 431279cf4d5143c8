package org.end287g.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person writes (a name, a title, a message), checked as it will be stored:
 * without surrounding blank space, at most {@link #max} characters, without control
 * characters (line breaks and tabs only in {@link #multiline} texts). Script or SQL in a
 * text are harmless words: values are bound as SQL parameters and escaped when shown.
 * Each problem has its own message, so a field shows exactly one.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/** The most characters the text may have. */
	int max();

	/** Whether line breaks and tabs are allowed. */
	boolean multiline() default false;

	/**
	 * Whether the invisible characters that reorder or hide text (bidi overrides,
	 * zero-width marks) are refused too.
	 */
	boolean visibleOnly() default false;

	/**
	 * Whether {@link #max} counts characters as people do (code points: an emoji is one)
	 * instead of UTF-16 units; for texts stored in columns sized for that.
	 */
	boolean codePoints() default false;

	/**
	 * A regular expression the whole text must match besides (a name's letters); none
	 * when empty. A mismatch has the {@link #message}.
	 */
	String pattern() default "";

	/** The message when the text is blank; blank is fine when empty. */
	String required() default "";

	/** The message when the text is longer than {@link #max}. */
	String tooLong() default "{validation.text.long}";

	/**
	 * The message when a one-line text holds a line break; {@link #message} when empty.
	 */
	String lineBreak() default "";

	/** The message when the text holds a character it may not. */
	String message() default "{validation.text.malformed}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
