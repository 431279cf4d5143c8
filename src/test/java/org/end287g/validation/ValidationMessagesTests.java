package org.end287g.validation;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages come from the site's bundles, in the language of the request. */
class ValidationMessagesTests {

	record Contact(@Phone String phone, @PlainText(max = 3, message = "{accounts.error.name.malformed}") String name) {
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void messagesAreReadFromTheBundlesInTheCurrentLanguage() {
		ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
		bundles.setBasename("messages");
		bundles.setDefaultEncoding("UTF-8");
		bundles.setFallbackToSystemLocale(false);
		try (LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean()) {
			validator.setValidationMessageSource(bundles);
			validator.afterPropertiesSet();
			Contact contact = new Contact("call me", "a\u0000");
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(validator.validate(contact)).extracting((violation) -> violation.getMessage())
				.containsExactlyInAnyOrder("Enter a phone number with digits, spaces and + ( ) . - only.",
						"A name cannot contain control characters.");
			LocaleContextHolder.setLocale(Locale.forLanguageTag("es"));
			assertThat(validator.validate(contact)).extracting((violation) -> violation.getMessage())
				.containsExactlyInAnyOrder("Escriba un teléfono solo con dígitos, espacios y + ( ) . -",
						"Un nombre no puede contener caracteres de control.");
		}
	}

}
