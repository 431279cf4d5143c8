package org.end287g.validation;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link EnumName}. */
public class EnumNameValidator implements ConstraintValidator<EnumName, String> {

	private Set<String> names = Set.of();

	@Override
	public void initialize(EnumName constraint) {
		this.names = Arrays.stream(constraint.value().getEnumConstants())
			.map(Enum::name)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		return this.names.contains(TypedText.line(value));
	}

}
