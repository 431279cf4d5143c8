package org.end287g.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessibleHtmlTests {

	@Test
	void acceptsAWellFormedPage() {
		String html = "<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><img src=x alt=\"\">"
				+ "<label for=\"zip\">ZIP</label><input id=\"zip\" name=\"zip\">"
				+ "<label>Name <input name=\"n\"></label><input type=\"hidden\" name=\"_csrf\">"
				+ "<select aria-label=\"State\"></select>";
		assertThat(AccessibleHtml.problems(html)).isEmpty();
	}

	@Test
	void findsSkippedLevelsAndMissingOrExtraH1() {
		assertThat(AccessibleHtml.headingProblems("<h1>A</h1><h3>B</h3>")).containsExactly("h3 follows h1");
		assertThat(AccessibleHtml.headingProblems("<h2>A</h2>")).hasSize(2);
		assertThat(AccessibleHtml.headingProblems("<h1>A</h1><h1 class=\"x\">B</h1>"))
			.containsExactly("2 h1 elements instead of one");
	}

	@Test
	void findsImagesWithoutAlt() {
		assertThat(AccessibleHtml.imagesWithoutAlt("<img src=\"map.svg\">")).hasSize(1);
	}

	@Test
	void findsControlsWithoutLabel() {
		assertThat(AccessibleHtml.unlabelledControls("<input id=\"zip\" name=\"zip\">")).hasSize(1);
		assertThat(AccessibleHtml.unlabelledControls("<label>Zip</label><textarea name=\"t\"></textarea>")).hasSize(1);
		assertThat(AccessibleHtml.unlabelledControls("<label for=\"other\">x</label><select id=\"s\"></select>"))
			.hasSize(1);
	}

}
