package org.end287g.help.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.validation.CsvText;
import org.end287g.validation.CsvText.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Importing entries from a CSV file (UTF-8, comma-separated, a header line naming the
 * {@link #COLUMNS} in this order, fields with commas, quotes or line breaks in double
 * quotes). Every line is checked like the staff form, and lines against each other (one
 * entry per name); a dry run only reports, and an import stores every line in one
 * transaction or, when any line is wrong, none. Imported entries are approved: staff
 * bring them.
 */
@Component
class HelpCsv {

	static final List<String> COLUMNS = List.of("name", "kind", "languages", "cost", "counties", "facilities", "phone",
			"email", "website", "address", "hours_en", "hours_es", "last_checked");

	static final int MAX_BYTES = 1_000_000;

	static final int MAX_LINES = 2_000;

	private final HelpDirectory directory;

	private final MessageSource messages;

	HelpCsv(HelpDirectory directory, MessageSource messages) {
		this.directory = directory;
		this.messages = messages;
	}

	/**
	 * One line of the file: its number in the file (the header is line 1), the entry's
	 * name as given, and what is wrong with it (field name to message; empty when
	 * nothing).
	 */
	record Line(int number, String name, Map<String, String> problems) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * What a file holds or did: an error about the whole file (null when it could be
	 * read), its lines, and how many entries were stored (0 on a dry run or any error).
	 */
	record Report(@Nullable String fileError, List<Line> lines, int stored, boolean dryRun) {

		public boolean ok() {
			return this.fileError == null && this.lines.stream().allMatch(Line::ok);
		}

		public long wrong() {
			return this.lines.stream().filter((line) -> !line.ok()).count();
		}

	}

	Report importFile(byte[] bytes, boolean dryRun, Locale locale, String actor) {
		if (bytes.length == 0) {
			return failed("help.import.error.empty", locale);
		}
		if (bytes.length > MAX_BYTES) {
			return failed("help.import.error.big", locale);
		}
		String text = CsvText.decode(bytes);
		if (text == null) {
			return failed("help.import.error.encoding", locale);
		}
		List<Row> rows;
		try {
			rows = new ArrayList<>(CsvText.rows(text));
		}
		catch (CsvText.Malformed ex) {
			return failed("help.import.error.quotes", locale);
		}
		rows.removeIf((row) -> row.cells().stream().allMatch(String::isBlank));
		if (rows.isEmpty()) {
			return failed("help.import.error.empty", locale);
		}
		List<String> header = rows.get(0)
			.cells()
			.stream()
			.map((cell) -> cell.strip().toLowerCase(Locale.ROOT))
			.toList();
		if (!header.equals(COLUMNS)) {
			return failed("help.import.error.header", locale, String.join(",", COLUMNS));
		}
		List<Row> data = rows.subList(1, rows.size());
		if (data.isEmpty()) {
			return failed("help.import.error.noLines", locale);
		}
		if (data.size() > MAX_LINES) {
			return failed("help.import.error.lines", locale, MAX_LINES);
		}
		List<Line> lines = new ArrayList<>();
		List<HelpForm> forms = new ArrayList<>();
		Map<String, Integer> names = new HashMap<>();
		for (Row row : data) {
			List<String> cells = row.cells();
			if (cells.size() != COLUMNS.size()) {
				lines.add(new Line(row.line(), cells.isEmpty() ? "" : cells.get(0),
						Map.of("line", text("help.import.error.columns", locale, cells.size(), COLUMNS.size()))));
				continue;
			}
			HelpForm form = new HelpForm(cells.get(0), cells.get(1).toUpperCase(Locale.ROOT), cells.get(2),
					cells.get(3).toUpperCase(Locale.ROOT), cells.get(4), cells.get(5), cells.get(6), cells.get(7),
					cells.get(8), cells.get(9), cells.get(10), cells.get(11), cells.get(12));
			Map<String, String> problems = new LinkedHashMap<>(this.directory.problems(form, null, locale));
			Integer earlier = names.putIfAbsent(HelpDirectory.key(form.name()), row.line());
			if (earlier != null && !form.name().isEmpty() && !problems.containsKey("name")) {
				problems.put("name", text("help.import.error.twice", locale, earlier));
			}
			lines.add(new Line(row.line(), form.name(), problems));
			forms.add(form);
		}
		Report checked = new Report(null, lines, 0, dryRun);
		if (dryRun || !checked.ok()) {
			return checked;
		}
		try {
			return new Report(null, lines, this.directory.createAll(forms, actor), false);
		}
		catch (DuplicateKeyException ex) {
			// another import or a staff member stored one of these names meanwhile
			return failed("help.import.error.meanwhile", locale);
		}
	}

	private Report failed(String key, Locale locale, Object... args) {
		return new Report(text(key, locale, args), List.of(), 0, false);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
