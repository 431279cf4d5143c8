package org.end287g.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.end287g.places.Places;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link UsZip}: blank, then the shape, then whether the code exists. Made by
 * Spring (the places come from the context).
 */
public class UsZipValidator implements ConstraintValidator<UsZip, String> {

	static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");

	private final Places places;

	private UsZip constraint;

	public UsZipValidator(Places places) {
		this.places = places;
	}

	@Override
	public void initialize(UsZip constraint) {
		this.constraint = constraint;
	}

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		String zip = TypedText.line(value);
		if (zip.isEmpty()) {
			return this.constraint.required().isEmpty() || Violations.reject(context, this.constraint.required());
		}
		if (!FIVE_DIGITS.matcher(zip).matches()) {
			return Violations.reject(context, this.constraint.message());
		}
		return this.constraint.unknown().isEmpty() || this.places.zip(zip).isPresent()
				|| Violations.reject(context, this.constraint.unknown());
	}

}
