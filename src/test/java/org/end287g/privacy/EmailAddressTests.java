package org.end287g.privacy;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTests {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	record Signing(@EmailAddress(required = "{required}", tooLong = "{long}", message = "{malformed}") String email) {
	}

	record Paper(@EmailAddress(tooLong = "{long}", message = "{malformed}") String email) {
	}

	static List<String> problems(Object form) {
		return VALIDATOR.validate(form).stream().map((violation) -> violation.getMessageTemplate()).toList();
	}

	@Test
	void blankIsRequiredOnlyWhenTheFieldSaysSo() {
		assertThat(problems(new Signing(null))).containsExactly("{required}");
		assertThat(problems(new Signing("  "))).containsExactly("{required}");
		assertThat(problems(new Paper(""))).isEmpty();
	}

	@Test
	void addressesWeCanSendMailTo() {
		for (String email : new String[] { "ana@example.org", " Ana.Perez+news@Example.ORG ",
				"o'neil@mail.example.org" }) {
			assertThat(problems(new Signing(email))).as(email).isEmpty();
		}
	}

	@Test
	void tooLongThenMalformed() {
		assertThat(problems(new Signing("x".repeat(243) + "@example.org"))).containsExactly("{long}");
		assertThat(problems(new Signing("x".repeat(100_000)))).containsExactly("{long}");
		for (String bad : new String[] { "ana@@example", "ana@example", "<script>@example.org", "' OR 1=1 --",
				"😀@example.org", "ana\u0000@example.org", "\u202Eana@example.org", "ana @example.org" }) {
			assertThat(problems(new Signing(bad))).as(bad).containsExactly("{malformed}");
		}
	}

}
