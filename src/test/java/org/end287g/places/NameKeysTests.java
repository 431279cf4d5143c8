package org.end287g.places;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTests {

	@ParameterizedTest
	@CsvSource({ "franklin, franklin, true", "frankin, franklin, true", "franklinn, franklin, true",
			"franklim, franklin, true", "ranklin, franklin, true", "frnkin, franklin, false", "abc, xyz, false",
			"'', a, true", "'', ab, false", "ab, ba, false" })
	void measuresOneEdit(String a, String b, boolean expected) {
		assertThat(NameKeys.withinOneEdit(a, b)).isEqualTo(expected);
		assertThat(NameKeys.withinOneEdit(b, a)).isEqualTo(expected);
	}

	@Test
	void normalisesSpreadsheetSpelling() {
		assertThat(NameKeys.words("  Doña  Ana   COUNTY ")).isEqualTo("dona ana county");
		assertThat(NameKeys.words("Prince George’s")).isEqualTo("prince georges");
		assertThat(NameKeys.words("St.Louis\tcity")).isEqualTo("st louis city");
		assertThat(NameKeys.words("Miami-Dade")).isEqualTo("miami dade");
		assertThat(NameKeys.words("<script>")).isEqualTo("script");
		assertThat(NameKeys.compact("st louis")).isEqualTo("saintlouis");
		assertThat(NameKeys.compact("ste genevieve")).isEqualTo("saintegenevieve");
		assertThat(NameKeys.compact("forest")).isEqualTo("forest");
		assertThat(NameKeys.withoutSuffix("juneau city and borough")).isEqualTo("juneau");
		assertThat(NameKeys.withoutSuffix("county")).isEqualTo("county");
		assertThat(NameKeys.suffixLast("city of richmond")).isEqualTo("richmond city");
		assertThat(NameKeys.suffixLast("county of york")).isEqualTo("york county");
	}

	@ParameterizedTest
	@CsvSource({ "-81.2194", "35.2449", "0", "35", "-0.5", ".5", "-.7", "1e5", "12345678901234567.5", "007.100" })
	void readsDecimalsExactlyAsJavaDoes(String text) {
		assertThat(PlaceFiles.decimal(text)).isEqualTo(Double.parseDouble(text));
	}

	@Test
	void refusesTextThatIsNoNumber() {
		for (String text : new String[] { "", "-", "1.2.3", "abc", "--1" }) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlaceFiles.decimal(text))
				.isInstanceOf(NumberFormatException.class);
		}
	}

	@Test
	void boundsAPathFromItsAbsoluteStartAndRelativeSteps() {
		Outline outline = Outline.of("M10,20l5 5-10 .5zM100,1l-.5-.5");
		assertThat(outline.minX()).isEqualTo(5);
		assertThat(outline.minY()).isEqualTo(0.5);
		assertThat(outline.maxX()).isEqualTo(100);
		assertThat(outline.maxY()).isEqualTo(25.5);
	}

}
