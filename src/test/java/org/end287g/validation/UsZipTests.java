package org.end287g.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsZipTests {

	record Required(@UsZip(required = "{required}", message = "{malformed}", unknown = "{unknown}") String zip) {
	}

	record Optional(@UsZip(message = "{malformed}") String zip) {
	}

	@Test
	void blankIsRequiredOnlyWhenTheFieldSaysSo() {
		for (String blank : new String[] { null, "", "  " }) {
			assertThat(Constraints.problems(new Required(blank))).containsExactly("{required}");
			assertThat(Constraints.problems(new Optional(blank))).isEmpty();
		}
	}

	@Test
	void exactlyFiveAsciiDigits() {
		for (String bad : new String[] { "2805", "280521", "28052-1234", "280521234", "2805٢", "２８０５２", "28 052",
				"x".repeat(100_000), "<script>", "' OR 1=1 --", "28052\u0000", "\u202E28052" }) {
			assertThat(Constraints.problems(new Required(bad))).as(bad).containsExactly("{malformed}");
			assertThat(Constraints.problems(new Optional(bad))).as(bad).containsExactly("{malformed}");
		}
	}

	@Test
	void fiveDigitsMustBeAKnownCodeWhenTheFieldAsks() {
		assertThat(Constraints.problems(new Required(Constraints.KNOWN_ZIP))).isEmpty();
		assertThat(Constraints.problems(new Required(" " + Constraints.KNOWN_ZIP + " "))).isEmpty();
		assertThat(Constraints.problems(new Required("00000"))).containsExactly("{unknown}");
		assertThat(Constraints.problems(new Optional("00000"))).isEmpty();
	}

}
