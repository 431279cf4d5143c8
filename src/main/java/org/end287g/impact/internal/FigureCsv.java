package org.end287g.impact.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.end287g.validation.CsvText;
import org.end287g.validation.CsvText.Row;

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
		List<Row> rows;
		try {
			rows = new ArrayList<>(CsvText.rows(text));
		}
		catch (CsvText.Malformed ex) {
			return new Result(List.of(), List.of(new LineRefusal(ex.line(), "file", "impact.csv.error.quotes")));
		}
		rows.removeIf(Row::blank);
		if (rows.isEmpty()) {
			return new Result(List.of(), List.of(new LineRefusal(0, "file", "impact.csv.error.empty")));
		}
		if (rows.size() - 1 > MAX_LINES) {
			return new Result(List.of(), List.of(new LineRefusal(0, "file", "impact.csv.error.lines")));
		}
		List<String> header = rows.get(0).cells().stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
		int[] index = new int[FigureInput.COLUMNS.size()];
		for (int i = 0; i < index.length; i++) {
			index[i] = header.indexOf(FigureInput.COLUMNS.get(i));
			if (index[i] < 0 && !FigureInput.OPTIONAL.contains(FigureInput.COLUMNS.get(i))) {
				return new Result(List.of(), List.of(new LineRefusal(1, "file", "impact.csv.error.header")));
			}
		}
		if (rows.size() == 1) {
			return new Result(List.of(), List.of(new LineRefusal(0, "file", "impact.csv.error.empty")));
		}
		List<Figure> figures = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r).cells();
			int line = rows.get(r).line();
			if (row.size() != header.size()) {
				refusals.add(new LineRefusal(line, "file", "impact.csv.error.cells"));
				continue;
			}
			List<String> cells = new ArrayList<>();
			for (int i : index) {
				cells.add((i < 0) ? "" : row.get(i));
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

}
