package org.end287g.tracker.reading;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjuster;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.tracker.ListedCount;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A line chart of listed agreements over time as inline SVG: a title and a description
 * for screen readers, axis labels in the visitor's language, and no script. Years of
 * sheets several times a week would draw more points than the chart has pixels, so a long
 * history is drawn one point a week (past {@value #MAX_POINTS} sheets) or a month (past
 * two years): the count of the period's last sheet, placed by its date.
 */
final class ListedChart {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 240;

	private static final int LEFT = 48;

	private static final int BOTTOM = 28;

	static final int MAX_POINTS = 120;

	private ListedChart() {
	}

	static String svg(List<ListedCount> points, MessageSource messages, Locale locale) {
		if (points.isEmpty()) {
			return "";
		}
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		ListedCount first = points.getFirst();
		ListedCount last = points.getLast();
		int max = Math.max(1, points.stream().mapToInt(ListedCount::listed).max().orElse(1));
		String title = messages.getMessage("chart.title", null, locale);
		String desc = messages.getMessage("chart.desc",
				new Object[] { first.listed(), dates.format(first.publishedOn()), last.listed(),
						dates.format(last.publishedOn()), max, points.size() },
				locale);
		StringBuilder svg = new StringBuilder(2048);
		svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">")
			.append("<title id=\"chart-title\">")
			.append(HtmlUtils.htmlEscape(title))
			.append("</title><desc id=\"chart-desc\">")
			.append(HtmlUtils.htmlEscape(desc))
			.append("</desc>");
		axes(svg, max, dates.format(first.publishedOn()), dates.format(last.publishedOn()));
		svg.append("<polyline class=\"chart-line\" points=\"").append(line(drawn(points), max)).append("\"/></svg>");
		return svg.toString();
	}

	private static void axes(StringBuilder svg, int max, String from, String to) {
		int baseline = HEIGHT - BOTTOM;
		svg.append("<g class=\"chart-axis\" aria-hidden=\"true\">")
			.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"8\" x2=\"%d\" y2=\"%d\"/>", LEFT, LEFT, baseline))
			.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, baseline,
					WIDTH - 8, baseline))
			.append(text(LEFT - 6, 16, "end", String.valueOf(max)))
			.append(text(LEFT - 6, baseline, "end", "0"))
			.append(text(LEFT, HEIGHT - 6, "start", from))
			.append(text(WIDTH - 8, HEIGHT - 6, "end", to))
			.append("</g>");
	}

	private static String text(int x, int y, String anchor, String value) {
		return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor,
				HtmlUtils.htmlEscape(value));
	}

	/**
	 * The points to draw: all of a short history, else the last of each week or month,
	 * and always the first and the last sheet.
	 */
	static List<ListedCount> drawn(List<ListedCount> points) {
		if (points.size() <= MAX_POINTS) {
			return points;
		}
		long days = ChronoUnit.DAYS.between(points.getFirst().publishedOn(), points.getLast().publishedOn());
		TemporalAdjuster period = (days > 2 * 365) ? TemporalAdjusters.firstDayOfMonth()
				: TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY);
		Map<LocalDate, ListedCount> last = new LinkedHashMap<>();
		last.put(LocalDate.MIN, points.getFirst());
		for (ListedCount point : points) {
			last.put(point.publishedOn().with(period), point);
		}
		return List.copyOf(last.values());
	}

	private static String line(List<ListedCount> points, int max) {
		StringBuilder line = new StringBuilder();
		double plotWidth = WIDTH - LEFT - 16;
		double plotHeight = HEIGHT - BOTTOM - 16;
		LocalDate start = points.getFirst().publishedOn();
		long span = ChronoUnit.DAYS.between(start, points.getLast().publishedOn());
		for (int i = 0; i < points.size(); i++) {
			double at = (span == 0) ? ((points.size() == 1) ? 0.5 : (double) i / (points.size() - 1))
					: (double) ChronoUnit.DAYS.between(start, points.get(i).publishedOn()) / span;
			double x = LEFT + 8 + plotWidth * at;
			double y = HEIGHT - BOTTOM - plotHeight * points.get(i).listed() / max;
			line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return line.toString().strip();
	}

}
