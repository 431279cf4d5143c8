package org.end287g.validation;

import org.junit.jupiter.api.Test;

import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

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

	@Test
	void theFormShownBackKeepsItsErrors() {
		Form typed = new Form("n".repeat(21), "https://example.org", "", false);
		BindingResult result = new BeanPropertyBindingResult(typed, "form");
		result.rejectValue("zip", "zip.unknown");
		result.rejectValue("name", "too.long");
		result.reject("closed");
		ExtendedModelMap model = new ExtendedModelMap();
		ShownBack.into(model, result);
		assertThat(model.get("form")).isEqualTo(new Form("", "https://example.org", "", false));
		BindingResult shown = (BindingResult) model.get(BindingResult.MODEL_KEY_PREFIX + "form");
		assertThat(shown.getTarget()).isSameAs(model.get("form"));
		assertThat(shown.getAllErrors()).extracting((error) -> error.getCode())
			.as("the whole form's first, then the fields' in the form's order")
			.containsExactly("closed", "too.long", "zip.unknown");
	}

}
