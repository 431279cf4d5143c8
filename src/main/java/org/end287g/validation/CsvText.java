package org.end287g.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The CSV files staff and leaders import (RFC 4180, as spreadsheets save them), read by
 * Apache Commons CSV into rows that know the line they begin on, so each import words its
 * refusals line by line in its own terms.
 */
public final class CsvText {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private CsvText() {
	}

	/**
	 * One record of the file.
	 *
	 * @param line the line it begins on, from 1 (a quoted cell may hold line breaks)
	 * @param cells its cells, as typed
	 */
	public record Row(int line, List<String> cells) {

		/** An empty line, or one of blanks only. */
		public boolean blank() {
			return this.cells.size() == 1 && this.cells.get(0).isBlank();
		}

	}

	/** The text is not CSV: a quote left open, or text after a closing quote. */
	public static final class Malformed extends Exception {

		private static final long serialVersionUID = 1L;

		private final int line;

		Malformed(int line, Throwable cause) {
			super("not CSV from line " + line, cause);
			this.line = line;
		}

		/** The line the unreadable record begins on. */
		public int line() {
			return this.line;
		}

	}

	/** Every record of the text, in order; a byte order mark at the start is ignored. */
	public static List<Row> rows(String text) throws Malformed {
		String content = text.startsWith("\ufeff") ? text.substring(1) : text;
		List<Row> rows = new ArrayList<>();
		long start = 1;
		try (CSVParser parser = CSVParser.builder()
			.setReader(new java.io.StringReader(content))
			.setFormat(FORMAT)
			.get()) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				start = parser.getCurrentLineNumber() + 1;
				if (!records.hasNext()) {
					return rows;
				}
				rows.add(new Row((int) start, records.next().toList()));
			}
		}
		catch (UncheckedIOException | IOException ex) {
			throw new Malformed((int) start, ex);
		}
	}

	/** Strict UTF-8 without a byte order mark; null when the bytes are not UTF-8. */
	public static @Nullable String decode(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\ufeff") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
