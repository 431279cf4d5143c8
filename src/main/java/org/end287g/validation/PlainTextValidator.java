package org.end287g.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link PlainText}: blank, then length, then the characters. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

	private PlainText constraint;

	private @Nullable Pattern pattern;

	@Override
	public void initialize(PlainText constraint) {
		this.constraint = constraint;
		this.pattern = constraint.pattern().isEmpty() ? null : Pattern.compile(constraint.pattern());
	}

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		String text = this.constraint.multiline() ? TypedText.lines(value) : TypedText.line(value);
		if (text.isEmpty()) {
			return this.constraint.required().isEmpty() || Violations.reject(context, this.constraint.required());
		}
		int length = this.constraint.codePoints() ? text.codePointCount(0, text.length()) : text.length();
		if (length > this.constraint.max()) {
			return Violations.reject(context, this.constraint.tooLong());
		}
		boolean lineBreak = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				lineBreak = true;
			}
			else if ((c == '\t') ? !this.constraint.multiline()
					: Character.getType(c) == Character.CONTROL || (this.constraint.visibleOnly() && invisible(c))) {
				return Violations.reject(context, this.constraint.message());
			}
		}
		if (lineBreak && !this.constraint.multiline()) {
			String message = this.constraint.lineBreak();
			return Violations.reject(context, message.isEmpty() ? this.constraint.message() : message);
		}
		return this.pattern == null || this.pattern.matcher(text).matches()
				|| Violations.reject(context, this.constraint.message());
	}

	/**
	 * Bidi embeddings, overrides and isolates, zero-width marks and the byte-order mark.
	 */
	static boolean invisible(char c) {
		return (c >= '\u200b' && c <= '\u200f') || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2060' && c <= '\u2069')
				|| c == '\ufeff';
	}

}
