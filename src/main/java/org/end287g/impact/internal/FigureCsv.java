package org.end287g.impact.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the figures' CSV: a header naming the {@link FigureInput#COLUMNS} (in any order,
 * every one present), then one figure a line, RFC 4180 quoting. Every line is checked and
 * every refusal told with its line number; the caller saves the figures only when there
 * is none.
 */
final class FigureCsv {

	/** The most lines one import takes. */
	static final int MAX_LINES = 2000;

	/** The largest file one import takes, in characters. */
	static final int MAX_CHARS = 1_000_000;

	private FigureCsv() {
	}

	/** A refusal on one line (0 for the file as a whole). */
	record LineRefusal(int line, String field, String key) {
	}

	/** What a file holds: the checked figures, or the refusals. */
	record Result(List<Figure> figures, List<LineRefusal> refusals) {

		boolean ok() {
			return this.refusals.isEmpty() && !this.figures.isEmpty();
		}

	}

	static Result read(String text, List<Figure> stored) {
		List<LineRefusal> refusals = new ArrayList<>();
		if (text.length() > MAX_CHARS) {
			return new Result(List.of(), List.of(new LineRefusal(0, "file", "impact.csv.error.large")));
		}
		List<List<String>> rows;
		try {
			rows = rows(text.startsWith("\ufeff") ? text.substring(1) : text);
		}
		catch (IllegalArgumentException ex) {
			return new Result(List.of(), List.of(new LineRefusal(0, "file", "impact.csv.error.quotes")));
		}
		rows.removeIf((row) -> row.size() == 1 && row.get(0).isBlank());
		if (rows.isEmpty()) {
			return new Result(List.of(), List.of(new LineRefusal(0, "file", "impact.csv.error.empty")));
		}
		if (rows.size() - 1 > MAX_LINES) {
			return new Result(List.of(), List.of(new LineRefusal(0, "file", "impact.csv.error.lines")));
		}
		List<String> header = rows.get(0).stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
		int[] index = new int[FigureInput.COLUMNS.size()];
		for (int i = 0; i < index.length; i++) {
			index[i] = header.indexOf(FigureInput.COLUMNS.get(i));
			if (index[i] < 0) {
				return new Result(List.of(), List.of(new LineRefusal(1, "file", "impact.csv.error.header")));
			}
		}
		if (rows.size() == 1) {
			return new Result(List.of(), List.of(new LineRefusal(0, "file", "impact.csv.error.empty")));
		}
		List<Figure> figures = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			int line = r + 1;
			if (row.size() != header.size()) {
				refusals.add(new LineRefusal(line, "file", "impact.csv.error.cells"));
				continue;
			}
			List<String> cells = new ArrayList<>();
			for (int i : index) {
				cells.add(row.get(i));
			}
			FigureInput.Checked checked = FigureInput.of(cells).check();
			checked.refusals()
				.forEach((refusal) -> refusals.add(new LineRefusal(line, refusal.field(), refusal.key())));
			Figure figure = checked.figure();
			if (figure == null) {
				continue;
			}
			if (figures.stream().anyMatch((other) -> Figures.sameFigure(other, figure))) {
				refusals.add(new LineRefusal(line, "file", "impact.csv.error.duplicateInFile"));
			}
			else if (stored.stream().anyMatch((other) -> Figures.sameFigure(other, figure))) {
				refusals.add(new LineRefusal(line, "file", "impact.error.duplicate"));
			}
			else {
				figures.add(figure);
			}
		}
		return new Result(refusals.isEmpty() ? figures : List.of(), refusals);
	}

	/** RFC 4180 rows; a quote left open is refused. */
	static List<List<String>> rows(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new IllegalArgumentException("A quote is left open");
		}
		if (!cell.isEmpty() || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

}
