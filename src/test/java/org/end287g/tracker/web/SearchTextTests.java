package org.end287g.tracker.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	private static final List<String> GASTON = SearchText.words("Gaston County Sheriff's Office");

	@Test
	void wordsIgnoreCaseAccentsAndPunctuation() {
		assertThat(SearchText.words("  Doña Ana County Sheriff’s  Office!! ")).containsExactly("dona", "ana", "county",
				"sheriffs", "office");
		assertThat(SearchText.words("<script>' OR 1=1--")).containsExactly("script", "or", "1", "1");
		assertThat(SearchText.words("")).isEmpty();
	}

	@Test
	void distanceStopsAtTheLimit() {
		assertThat(SearchText.distance("gastn", "gaston", 1)).isEqualTo(1);
		assertThat(SearchText.distance("kitten", "sitting", 3)).isEqualTo(3);
		assertThat(SearchText.distance("abc", "xyzxyzxyz", 2)).isEqualTo(3);
	}

	@Test
	void typosAndPrefixesMatchButStrangersDoNot() {
		assertThat(AgencySearch.score(SearchText.words("Gastn county sherif"), GASTON)).isEqualTo(1);
		assertThat(AgencySearch.score(SearchText.words("gaston"), GASTON)).isZero();
		assertThat(AgencySearch.score(SearchText.words("gaston police"), GASTON)).isEqualTo(-1);
		assertThat(AgencySearch.score(SearchText.words("gxstxn"), GASTON)).isEqualTo(-1);
	}

}
