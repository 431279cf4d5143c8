package org.end287g.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.end287g.validation.CsvText.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The CSV reader every import shares: rows know their line, bad quotes name theirs. */
class CsvTextTests {

	@Test
	void rowsKeepTheLineTheyBeginOnAcrossQuotedLineBreaksAndBlankLines() throws Exception {
		List<Row> rows = CsvText.rows("\ufeffname,note\r\nAna,\"two\nlines, one cell\"\n\nBeto,\"say \"\"hi\"\"\"\n");
		assertThat(rows).extracting(Row::line).containsExactly(1, 2, 4, 5);
		assertThat(rows.get(0).cells()).containsExactly("name", "note");
		assertThat(rows.get(1).cells()).containsExactly("Ana", "two\nlines, one cell");
		assertThat(rows.get(2).blank()).isTrue();
		assertThat(rows.get(3).cells()).containsExactly("Beto", "say \"hi\"");
		assertThat(CsvText.rows("")).isEmpty();
		assertThat(CsvText.rows("a,b")).singleElement().extracting(Row::cells).isEqualTo(List.of("a", "b"));
	}

	@Test
	void aQuoteLeftOpenOrTextAfterAClosingQuoteNamesTheLineOfItsRecord() {
		assertThatExceptionOfType(CsvText.Malformed.class)
			.isThrownBy(() -> CsvText.rows("name,note\nAna,ok\nBeto,\"never closed\nCarla,x\n"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3));
		assertThatExceptionOfType(CsvText.Malformed.class).isThrownBy(() -> CsvText.rows("name,note\n\"Ana\"x,ok\n"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(2));
	}

	@Test
	void onlyStrictUtf8IsText() {
		assertThat(CsvText.decode("\ufeffsí,ñ".getBytes(StandardCharsets.UTF_8))).isEqualTo("sí,ñ");
		assertThat(CsvText.decode("s\u00ed".getBytes(StandardCharsets.ISO_8859_1))).isNull();
		assertThat(CsvText.decode(new byte[0])).isEmpty();
	}

}
