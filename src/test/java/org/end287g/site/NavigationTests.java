package org.end287g.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationTests {

	@Test
	void marksTheItemsOwnPageAsThePage() {
		assertThat(new Navigation.Current("/states").ariaCurrent("/states")).isEqualTo("page");
		assertThat(new Navigation.Current("/").ariaCurrent("/")).isEqualTo("page");
	}

	@Test
	void marksTheSectionOfAPageBelowIt() {
		assertThat(new Navigation.Current("/states/NC").ariaCurrent("/states")).isEqualTo("true");
		assertThat(new Navigation.Current("/states/NC").ariaCurrent("/")).isNull();
	}

	@Test
	void leavesOtherItemsAlone() {
		assertThat(new Navigation.Current("/statesman").ariaCurrent("/states")).isNull();
		assertThat(new Navigation.Current("/error").ariaCurrent("/about")).isNull();
		assertThat(new Navigation.Current("").ariaCurrent("/")).isNull();
	}

}
