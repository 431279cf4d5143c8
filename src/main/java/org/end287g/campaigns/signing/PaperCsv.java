package org.end287g.campaigns.signing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

	static Parsed parse(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return failed(0, "signatures.paper.error.empty");
		}
		if (bytes.length > MAX_BYTES) {
			return failed(0, "signatures.paper.error.large");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return failed(0, "signatures.paper.error.encoding");
		}
		if (text.startsWith("\ufeff")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			return failed(0, "signatures.paper.error.empty");
		}
		List<Row> records = new ArrayList<>();
		Problem problem = records(text, records);
		if (problem != null) {
			return new Parsed(List.of(), List.of(problem));
		}
		if (records.isEmpty() || !header(records.get(0).cells())) {
			return failed(1, "signatures.paper.error.header");
		}
		int columns = records.get(0).cells().size();
		List<Row> rows = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		for (Row row : records.subList(1, records.size())) {
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
		if (rows.size() > MAX_ROWS) {
			return failed(0, "signatures.paper.error.rows");
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			return failed(0, "signatures.paper.error.noRows");
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

	/** Splits the text into records; a problem when a quote is out of place. */
	private static Problem records(String text, List<Row> records) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int line = 1;
		int recordLine = 1;
		boolean quoted = false;
		boolean wasQuoted = false;
		int quoteLine = 0;
		int i = 0;
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < n && text.charAt(i + 1) == '"') {
						cell.append('"');
						i += 2;
						continue;
					}
					quoted = false;
					i++;
					continue;
				}
				if (c == '\n') {
					line++;
				}
				cell.append(c);
				i++;
				continue;
			}
			if (c == '"') {
				if (cell.length() > 0 || wasQuoted) {
					return new Problem(line, "signatures.paper.error.quote");
				}
				quoted = true;
				wasQuoted = true;
				quoteLine = line;
				i++;
				continue;
			}
			if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
				wasQuoted = false;
				i++;
				continue;
			}
			if (c == '\r' || c == '\n') {
				cells.add(cell.toString());
				records.add(new Row(recordLine, List.copyOf(cells)));
				cells.clear();
				cell.setLength(0);
				wasQuoted = false;
				i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
				line++;
				recordLine = line;
				continue;
			}
			if (wasQuoted) {
				// text after a closing quote: "abc"def
				return new Problem(line, "signatures.paper.error.quote");
			}
			cell.append(c);
			i++;
		}
		if (quoted) {
			return new Problem(quoteLine, "signatures.paper.error.quote");
		}
		if (cell.length() > 0 || !cells.isEmpty() || wasQuoted) {
			cells.add(cell.toString());
			records.add(new Row(recordLine, List.copyOf(cells)));
		}
		return null;
	}

	/** The answer for a file over {@value #MAX_BYTES} bytes, without reading it. */
	static Parsed tooLarge() {
		return failed(0, "signatures.paper.error.large");
	}

	private static Parsed failed(int line, String key) {
		return new Parsed(List.of(), List.of(new Problem(line, key)));
	}

}
