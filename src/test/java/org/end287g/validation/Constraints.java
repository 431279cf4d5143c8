package org.end287g.validation;

import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.mockito.Mockito;

import org.springframework.beans.BeanUtils;

/**
 * A validator for the constraint tests, without Spring: places that know one ZIP code,
 * and the problems of a form as the message templates its fields report.
 */
final class Constraints {

	static final String KNOWN_ZIP = "28052";

	private static final Validator VALIDATOR = Validation.byDefaultProvider()
		.configure()
		.constraintValidatorFactory(new Factory())
		.buildValidatorFactory()
		.getValidator();

	private Constraints() {
	}

	/** The message templates of the form's problems, one per field at most. */
	static List<String> problems(Object form) {
		return VALIDATOR.validate(form).stream().map((violation) -> violation.getMessageTemplate()).sorted().toList();
	}

	private static final class Factory implements ConstraintValidatorFactory {

		private final Places places = Mockito.mock(Places.class);

		Factory() {
			Mockito.when(this.places.zip(Mockito.anyString())).thenReturn(Optional.empty());
			Mockito.when(this.places.zip(KNOWN_ZIP))
				.thenReturn(Optional.of(new ZipCode(KNOWN_ZIP, "Gastonia", "NC", "37071", 35.26, -81.19)));
		}

		@Override
		public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
			if (key == UsZipValidator.class) {
				return key.cast(new UsZipValidator(this.places));
			}
			return BeanUtils.instantiateClass(key);
		}

		@Override
		public void releaseInstance(ConstraintValidator<?, ?> instance) {
		}

	}

}
