package org.end287g.impact.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A figure as staff type it in the form or a CSV line (the CSV's columns, in this order):
 * every value a text, read by {@link #check()}.
 */
record FigureInput(@Nullable String agency, @Nullable String model, @Nullable String measure, @Nullable String value,
		@Nullable String qualifier, @Nullable String fiscalYear, @Nullable String from, @Nullable String to,
		@Nullable String sourceTitle, @Nullable String sourcePublisher, @Nullable String sourceUrl,
		@Nullable String sourceDate, @Nullable String note) {

	/** The CSV's header, also its documentation's list of columns. */
	static final List<String> COLUMNS = List.of("agency", "model", "measure", "value", "qualifier", "fiscal_year",
			"from", "to", "source_title", "source_publisher", "source_url", "source_date", "note");

	/**
	 * Columns a CSV may leave out: files written before figures could name an agreement.
	 */
	static final List<String> OPTIONAL = List.of("model");

	static final long MAX_VALUE = 1_000_000_000_000L;

	private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9,]*");

	static FigureInput empty() {
		return new FigureInput("", "", "", "", "EXACT", "", "", "", "", "", "", "", "");
	}

	static FigureInput of(List<String> cells) {
		return new FigureInput(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
				cells.get(6), cells.get(7), cells.get(8), cells.get(9), cells.get(10), cells.get(11), cells.get(12));
	}

	/** The figure, or the refusals: every value is checked, so all are told at once. */
	Checked check() {
		Checks checks = new Checks();
		String slug = checks.slug("agency", this.agency, false);
		String modelName = checks.optionalChoice("model", this.model, Win.MODELS);
		if (modelName != null && slug == null && checks.ok()) {
			checks.refuse("model", "impact.error.model.national");
		}
		String measureName = checks.choice("measure", this.measure, Figure.MEASURES, null);
		Long number = number(checks);
		String qualifierName = checks.choice("qualifier", this.qualifier, Figure.QUALIFIERS, "EXACT");
		Integer year = year(checks);
		LocalDate start = checks.date("from", this.from);
		LocalDate end = checks.date("to", this.to);
		if (year != null && (start != null || end != null)) {
			checks.refuse("fiscalYear", "impact.error.period.both");
		}
		else if (year == null && start == null && end == null && checks.ok()) {
			checks.refuse("fiscalYear", "impact.error.period.none");
		}
		if (start != null && end != null && end.isBefore(start)) {
			checks.refuse("to", "impact.error.period.order");
		}
		String title = checks.text("sourceTitle", this.sourceTitle, 300, true);
		String publisher = checks.text("sourcePublisher", this.sourcePublisher, 200, false);
		String url = checks.url("sourceUrl", this.sourceUrl);
		LocalDate published = checks.date("sourceDate", this.sourceDate);
		String noteText = checks.text("note", this.note, 1000, false);
		if (!checks.ok() || measureName == null || number == null || qualifierName == null || title == null) {
			return new Checked(null, checks.refusals());
		}
		return new Checked(new Figure(0, slug, modelName, measureName, number, qualifierName, year, start, end,
				new Figure.Source(title, publisher, url, published), noteText), List.of());
	}

	private @Nullable Long number(Checks checks) {
		String text = (this.value != null) ? this.value.strip() : "";
		if (text.isEmpty()) {
			checks.refuse("value", "impact.error.required");
			return null;
		}
		if (!NUMBER.matcher(text).matches() || text.length() > 20) {
			checks.refuse("value", "impact.error.value.number");
			return null;
		}
		if (text.startsWith("-")) {
			checks.refuse("value", "impact.error.value.negative");
			return null;
		}
		long number = Long.parseLong(text.replace(",", ""));
		if (number > MAX_VALUE) {
			checks.refuse("value", "impact.error.value.large");
			return null;
		}
		return number;
	}

	private @Nullable Integer year(Checks checks) {
		String text = (this.fiscalYear != null) ? this.fiscalYear.strip().replaceFirst("^(?i)FY", "") : "";
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("[0-9]{4}") || Integer.parseInt(text) < 1990 || Integer.parseInt(text) > 2100) {
			checks.refuse("fiscalYear", "impact.error.year");
			return null;
		}
		return Integer.valueOf(text);
	}

	/** A checked input: the figure, or why not. */
	record Checked(@Nullable Figure figure, List<Checks.Refusal> refusals) {
	}

}
