package org.end287g.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneTests {

	record Contact(@Phone(message = "{phone}") String phone) {
	}

	@Test
	void blankIsNoNumber() {
		assertThat(Constraints.problems(new Contact(null))).isEmpty();
		assertThat(Constraints.problems(new Contact("  "))).isEmpty();
	}

	@Test
	void numbersAsPeopleWriteThem() {
		for (String phone : new String[] { "704-555-0100", "+1 (704) 555-0100", "704.555.0100", "5550100",
				" 704 555 0100 ", "1".repeat(32) }) {
			assertThat(Constraints.problems(new Contact(phone))).as(phone).isEmpty();
		}
	}

	@Test
	void anythingElseIsRefused() {
		for (String bad : new String[] { "555010", "1".repeat(33), "x".repeat(100_000), "704-555-0100 x12", "call me",
				"<script>alert(1)</script>", "'; DROP TABLE x; --", "704\u00005550100", "\u202E7045550100",
				"٧٠٤٥٥٥٠١٠٠" }) {
			assertThat(Constraints.problems(new Contact(bad))).as(bad).containsExactly("{phone}");
		}
	}

}
