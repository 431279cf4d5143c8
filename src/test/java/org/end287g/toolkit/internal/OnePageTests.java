package org.end287g.toolkit.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a text too long for its page is cut: after a word, never within a character. */
class OnePageTests {

	@Test
	void aTextThatFitsIsKeptWhole() throws Exception {
		assertThat(OnePage.cut("End 287(g) now", (text) -> text.length() <= 14)).isEqualTo("End 287(g) now");
		assertThat(OnePage.cut("", (text) -> false)).isEmpty();
	}

	@Test
	void aLongTextIsCutAfterTheLastWholeWordThatFitsAndEndsWithAnEllipsis() throws Exception {
		String cut = OnePage.cut("alpha beta gamma delta epsilon", (text) -> text.length() <= 20);
		assertThat(cut).isEqualTo("alpha beta gamma\u2026");
		// one unbroken word is cut where it must be
		assertThat(OnePage.cut("W".repeat(100), (text) -> text.length() <= 10)).isEqualTo("W".repeat(9) + "\u2026");
		// an emoji (two UTF-16 units) is kept or dropped whole
		String emoji = "\uD83C\uDF89".repeat(10);
		String shortened = OnePage.cut(emoji, (text) -> text.length() <= 6);
		assertThat(shortened).isEqualTo("\uD83C\uDF89".repeat(2) + "\u2026");
		// nothing fits: nothing is shown
		assertThat(OnePage.cut("alpha beta", (text) -> false)).isEmpty();
	}

	@Test
	void aLongNameLeavesRoomForTheFirstLinesOfTheBody() {
		assertThat(OnePage.start("Short petition.")).isEqualTo("Short petition.");
		assertThat(OnePage.start("a\nb\nc\nd\ne\nf\ng\nh")).isEqualTo("a\nb\nc\nd\u2026");
		assertThat(OnePage.start("x".repeat(5_000))).isEqualTo("x".repeat(OnePage.RESERVED_CHARACTERS) + "\u2026");
	}

}
