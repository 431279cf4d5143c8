package org.end287g.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link Phone}. */
public class PhoneValidator implements ConstraintValidator<Phone, String> {

	static final Pattern PHONE = Pattern.compile("[0-9+().\\- ]{7,32}");

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		String phone = TypedText.line(value);
		return phone.isEmpty() || PHONE.matcher(phone).matches();
	}

}
