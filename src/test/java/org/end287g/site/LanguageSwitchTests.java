package org.end287g.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageSwitchTests {

	@Test
	void keepsThePathAndQueryAndReplacesTheLanguage() {
		assertThat(new LanguageSwitch.Links("/near", "zip=28052&lang=en").url("es"))
			.isEqualTo("/near?zip=28052&lang=es");
		assertThat(new LanguageSwitch.Links("/about", null).url("en")).isEqualTo("/about?lang=en");
	}

	@Test
	void neverLinksToAnotherHost() {
		assertThat(new LanguageSwitch.Links("//evil.example/x", null).url("es")).isEqualTo("/evil.example/x?lang=es");
		assertThat(new LanguageSwitch.Links("/\\evil.example", null).url("es")).isEqualTo("/evil.example?lang=es");
		assertThat(new LanguageSwitch.Links("", null).url("es")).isEqualTo("/?lang=es");
	}

}
