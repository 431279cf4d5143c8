package org.end287g.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	record Name(
			@PlainText(max = 10, required = "{required}", tooLong = "{long}", message = "{malformed}") String value) {
	}

	record Note(@PlainText(max = 40, multiline = true, tooLong = "{long}", message = "{malformed}") String value) {
	}

	record Post(@PlainText(max = 5, codePoints = true, visibleOnly = true, tooLong = "{long}", lineBreak = "{lines}",
			message = "{hidden}") String value) {
	}

	record Person(@PlainText(max = 30, pattern = "[\\p{L} '-]+", message = "{letters}") String name) {
	}

	@Test
	void aPatternNarrowsTheCharacters() {
		assertThat(Constraints.problems(new Person("Ana María O'Neil-Ruiz"))).isEmpty();
		for (String bad : new String[] { "Ana 2", "<b>Ana</b>", "Ana\u0000", "\u202EAna", "Ana 😀" }) {
			assertThat(Constraints.problems(new Person(bad))).as(bad).containsExactly("{letters}");
		}
		assertThat(Constraints.problems(new Person("x".repeat(31)))).containsExactly("{validation.text.long}");
	}

	@Test
	void blankIsRequiredOnlyWhenTheFieldSaysSo() {
		for (String blank : new String[] { null, "", "   ", " \t\r\n " }) {
			assertThat(Constraints.problems(new Name(blank))).as("[" + blank + "]").containsExactly("{required}");
			assertThat(Constraints.problems(new Note(blank))).isEmpty();
		}
	}

	@Test
	void lengthIsCountedWithoutTheSurroundingBlankSpace() {
		assertThat(Constraints.problems(new Name("x".repeat(10)))).isEmpty();
		assertThat(Constraints.problems(new Name("  " + "x".repeat(10) + "\n"))).isEmpty();
		assertThat(Constraints.problems(new Name("x".repeat(11)))).containsExactly("{long}");
		assertThat(Constraints.problems(new Name("x".repeat(1_000_000)))).containsExactly("{long}");
		// too long and with a control character: one problem, the length
		assertThat(Constraints.problems(new Name("\u0000".repeat(20)))).containsExactly("{long}");
	}

	@Test
	void codePointsCountAnEmojiAsOneCharacter() {
		assertThat(Constraints.problems(new Post("😀😀😀😀😀"))).isEmpty();
		assertThat(Constraints.problems(new Post("😀😀😀😀😀😀"))).containsExactly("{long}");
		assertThat(Constraints.problems(new Name("😀😀😀😀😀😀"))).containsExactly("{long}");
	}

	@Test
	void controlCharactersAreRefused() {
		for (String hostile : new String[] { "a\u0000b", "bell\u0007", "a\u001bb", "del\u007f", "c1\u0085", "a\tb",
				"a\nb", "a\rb" }) {
			assertThat(Constraints.problems(new Name(hostile))).as(hostile).containsExactly("{malformed}");
		}
		for (String hostile : new String[] { "a\u0000b", "bell\u0007", "line\n\u001b" }) {
			assertThat(Constraints.problems(new Note(hostile))).as(hostile).containsExactly("{malformed}");
		}
	}

	@Test
	void severalLinesAndTabsOnlyWhereAllowed() {
		assertThat(Constraints.problems(new Note("a\nb\r\nc\td"))).isEmpty();
		assertThat(Constraints.problems(new Post("a\nb"))).containsExactly("{lines}");
		assertThat(Constraints.problems(new Post("a\u202e\nb"))).as("the hidden character first")
			.containsExactly("{hidden}");
	}

	@Test
	void invisibleCharactersAreRefusedOnlyWhereAsked() {
		for (String hidden : new String[] { "\u202Eevil", "a\u200bb", "\u2066x", "\ufeffx" }) {
			assertThat(Constraints.problems(new Post(hidden))).as(hidden).containsExactly("{hidden}");
			assertThat(Constraints.problems(new Name(hidden))).as(hidden).isEmpty();
		}
	}

	@Test
	void scriptAndSqlAreHarmlessWords() {
		assertThat(Constraints.problems(new Note("<script>x</script>"))).isEmpty();
		assertThat(Constraints.problems(new Note("'; DROP --"))).isEmpty();
		assertThat(Constraints.problems(new Name("<b>Ana</b>"))).isEmpty();
	}

	@Test
	void textInAnyScriptIsFine() {
		assertThat(Constraints.problems(new Name("مرحبا"))).isEmpty();
		assertThat(Constraints.problems(new Name("José Núñez"))).isEmpty();
		assertThat(Constraints.problems(new Name("王小明"))).isEmpty();
	}

}
