package org.end287g.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnumNameTests {

	enum Kind {

		ONLINE, IN_PERSON

	}

	record Choice(@EnumName(value = Kind.class, message = "{kind}") String kind) {
	}

	@Test
	void theNameOfAConstant() {
		assertThat(Constraints.problems(new Choice("ONLINE"))).isEmpty();
		assertThat(Constraints.problems(new Choice(" IN_PERSON "))).isEmpty();
	}

	@Test
	void anythingElseIsRefused() {
		for (String bad : new String[] { null, "", "online", "TELEPATHY", "x".repeat(100_000), "ONLINE\u0000",
				"\u202EONLINE", "<script>", "' OR 1=1 --" }) {
			assertThat(Constraints.problems(new Choice(bad))).as(bad).containsExactly("{kind}");
		}
	}

}
