package org.end287g.campaigns.signing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file of paper signatures (RFC 4180: commas, double quotes, CRLF or LF): the
 * header {@code first,last,zip,email,comment}, optionally followed by {@code updates}
 * (the "send me updates" box of the printed signature sheet), then one signature per row.
 * The whole file is read before anything is stored; any problem is reported with its line
 * number.
 */
final class PaperCsv {

	static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_ROWS = 5000;

	static final List<String> HEADER = List.of("first", "last", "zip", "email", "comment");

	/** The optional last column: whether the signer ticked "send me updates". */
	static final String UPDATES = "updates";

	/** How a ticked box may be typed (English and Spanish); an empty cell is unticked. */
	private static final List<String> TICKED = List.of("x", "yes", "y", "true", "1", "si", "sí", "s");

	private static final List<String> UNTICKED = List.of("", "no", "n", "false", "0");

	private PaperCsv() {
	}

	/** One row: its line in the file and its six cells (updates last, maybe empty). */
	record Row(int line, List<String> cells) {
	}

	/** A problem with the file (line 0) or with one of its lines. */
	record Problem(int line, String key) {
	}

	/** The rows, or the problems that stop the file. */
	record Parsed(List<Row> rows, List<Problem> problems) {
	}

	static Parsed parse(byte @Nullable [] bytes) {
		if (bytes == null || bytes.length == 0) {
			return failed(0, "signatures.paper.error.empty");
		}
		if (bytes.length > MAX_BYTES) {
			return failed(0, "signatures.paper.error.large");
		}
		String text = decode(bytes);
		if (text == null) {
			return failed(0, "signatures.paper.error.encoding");
		}
		if (text.isBlank()) {
			return failed(0, "signatures.paper.error.empty");
		}
		List<Row> records = new ArrayList<>();
		Problem problem = new Records(text, records).read();
		if (problem != null) {
			return new Parsed(List.of(), List.of(problem));
		}
		if (records.isEmpty() || !header(records.get(0).cells())) {
			return failed(1, "signatures.paper.error.header");
		}
		Parsed parsed = rows(records.subList(1, records.size()), records.get(0).cells().size());
		if (parsed.rows().size() > MAX_ROWS) {
			return failed(0, "signatures.paper.error.rows");
		}
		if (parsed.rows().isEmpty() && parsed.problems().isEmpty()) {
			return failed(0, "signatures.paper.error.noRows");
		}
		return parsed;
	}

	/** Strict UTF-8 without a byte order mark; {@code null} when not UTF-8. */
	private static @Nullable String decode(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		return text.startsWith("\ufeff") ? text.substring(1) : text;
	}

	/**
	 * The records after the header as rows of six cells; blank lines are skipped, a wrong
	 * number of cells or an unreadable updates box is a problem of its line.
	 */
	private static Parsed rows(List<Row> records, int columns) {
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (Row row : records) {
			if (row.cells().size() == 1 && row.cells().get(0).isBlank()) {
				continue;
			}
			if (row.cells().size() != columns && row.cells().size() != columns - 1) {
				problems.add(new Problem(row.line(), "signatures.paper.error.columns"));
				continue;
			}
			List<String> cells = new ArrayList<>(row.cells());
			while (cells.size() < HEADER.size() + 1) {
				cells.add("");
			}
			if (!TICKED.contains(key(cells.get(5))) && !UNTICKED.contains(key(cells.get(5)))) {
				problems.add(new Problem(row.line(), "signatures.paper.error.updates"));
				continue;
			}
			rows.add(new Row(row.line(), cells));
		}
		return new Parsed(rows, problems);
	}

	private static boolean header(List<String> cells) {
		if (cells.size() != HEADER.size() && cells.size() != HEADER.size() + 1) {
			return false;
		}
		for (int i = 0; i < HEADER.size(); i++) {
			if (!HEADER.get(i).equals(key(cells.get(i)))) {
				return false;
			}
		}
		return cells.size() == HEADER.size() || UPDATES.equals(key(cells.get(HEADER.size())));
	}

	/** Whether an updates cell says the box was ticked (checked by {@link #parse}). */
	static boolean ticked(String cell) {
		return TICKED.contains(key(cell));
	}

	private static String key(String cell) {
		return cell.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Splits a text into records, each with the line it starts on (a quoted cell may hold
	 * line breaks); stops at a quote out of place.
	 */
	private static final class Records {

		private final String text;

		private final List<Row> records;

		private final List<String> cells = new ArrayList<>();

		private final StringBuilder cell = new StringBuilder();

		private int i;

		private int line = 1;

		private int recordLine = 1;

		private int quoteLine;

		private boolean quoted;

		private boolean wasQuoted;

		Records(String text, List<Row> records) {
			this.text = text;
			this.records = records;
		}

		/** Reads every record into the list; a problem when a quote is out of place. */
		@Nullable Problem read() {
			while (this.i < this.text.length()) {
				char c = this.text.charAt(this.i);
				if (this.quoted) {
					inQuotes(c);
				}
				else {
					Problem problem = outside(c);
					if (problem != null) {
						return problem;
					}
				}
			}
			if (this.quoted) {
				return new Problem(this.quoteLine, "signatures.paper.error.quote");
			}
			if (this.cell.length() > 0 || !this.cells.isEmpty() || this.wasQuoted) {
				endRecord();
			}
			return null;
		}

		private void inQuotes(char c) {
			if (c == '"') {
				if (this.i + 1 < this.text.length() && this.text.charAt(this.i + 1) == '"') {
					this.cell.append('"');
					this.i += 2;
					return;
				}
				this.quoted = false;
				this.i++;
				return;
			}
			if (c == '\n') {
				this.line++;
			}
			this.cell.append(c);
			this.i++;
		}

		private @Nullable Problem outside(char c) {
			if (c == '"') {
				if (this.cell.length() > 0 || this.wasQuoted) {
					return new Problem(this.line, "signatures.paper.error.quote");
				}
				this.quoted = true;
				this.wasQuoted = true;
				this.quoteLine = this.line;
				this.i++;
			}
			else if (c == ',') {
				this.cells.add(this.cell.toString());
				this.cell.setLength(0);
				this.wasQuoted = false;
				this.i++;
			}
			else if (c == '\r' || c == '\n') {
				endRecord();
				this.i += (c == '\r' && this.i + 1 < this.text.length() && this.text.charAt(this.i + 1) == '\n') ? 2
						: 1;
				this.line++;
				this.recordLine = this.line;
			}
			else if (this.wasQuoted) {
				// text after a closing quote: "abc"def
				return new Problem(this.line, "signatures.paper.error.quote");
			}
			else {
				this.cell.append(c);
				this.i++;
			}
			return null;
		}

		private void endRecord() {
			this.cells.add(this.cell.toString());
			this.records.add(new Row(this.recordLine, List.copyOf(this.cells)));
			this.cells.clear();
			this.cell.setLength(0);
			this.wasQuoted = false;
		}

	}

	/** The answer for a file over {@value #MAX_BYTES} bytes, without reading it. */
	static Parsed tooLarge() {
		return failed(0, "signatures.paper.error.large");
	}

	private static Parsed failed(int line, String key) {
		return new Parsed(List.of(), List.of(new Problem(line, key)));
	}

}
