package org.end287g.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShownBackTests {

	record Form(@PlainText(max = 10) String name, @WebAddress(max = 20) String link, String zip, boolean agreed) {
	}

	@Test
	void keepsWhatWasTypedButNotTextFarLongerThanAllowed() {
		Form typed = new Form("n".repeat(20), "l".repeat(40), "z".repeat(ShownBack.LIMIT), true);
		assertThat(ShownBack.of(typed)).isEqualTo(typed);
		Form huge = new Form("n".repeat(21), "l".repeat(41), "z".repeat(ShownBack.LIMIT + 1), true);
		assertThat(ShownBack.of(huge)).isEqualTo(new Form("", "", "", true));
		assertThat(ShownBack.of(new Form(null, "<script>", " ", false)))
			.isEqualTo(new Form(null, "<script>", " ", false));
	}

}
