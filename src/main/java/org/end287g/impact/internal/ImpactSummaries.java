package org.end287g.impact.internal;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Words and charts for an agency's figures, in the page's language. */
@Component
class ImpactSummaries {

	private final Figures figures;

	private final Wins wins;

	private final MessageSource messages;

	ImpactSummaries(Figures figures, Wins wins, MessageSource messages) {
		this.figures = figures;
		this.wins = wins;
		this.messages = messages;
	}

	/** The agency's impact, null when we know nothing of it. */
	@Nullable ImpactView of(String agencySlug, Locale locale) {
		List<Figure> list = this.figures.of(agencySlug);
		List<Win> won = this.wins.ofAgency(agencySlug);
		if (list.isEmpty() && won.isEmpty()) {
			return null;
		}
		return new ImpactView(agencySlug, list.stream().map((f) -> line(f, locale)).toList(), charts(list, locale),
				won);
	}

	ImpactView.Line line(Figure figure, Locale locale) {
		String amount = amount(figure, locale);
		String text = this.messages.getMessage("impact.line." + figure.measure(),
				new Object[] { amount, period(figure, locale) }, locale);
		return new ImpactView.Line(text, figure.source());
	}

	String amount(Figure figure, Locale locale) {
		String number = NumberFormat.getIntegerInstance(locale).format(figure.value());
		if ("COST".equals(figure.measure()) || "REIMBURSEMENT".equals(figure.measure())) {
			number = "$" + number;
		}
		return this.messages.getMessage("impact.qualifier." + figure.qualifier(), new Object[] { number }, locale);
	}

	String period(Figure figure, Locale locale) {
		if (figure.fiscalYear() != null) {
			return this.messages.getMessage("impact.period.fiscal", new Object[] { figure.fiscalYear().toString() },
					locale);
		}
		DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
		String from = (figure.from() != null) ? date(figure.from(), format) : "";
		String to = (figure.to() != null) ? date(figure.to(), format) : "";
		if (figure.from() == null) {
			return this.messages.getMessage("impact.period.until", new Object[] { to }, locale);
		}
		if (figure.to() == null) {
			return this.messages.getMessage("impact.period.since", new Object[] { from }, locale);
		}
		return this.messages.getMessage("impact.period.range", new Object[] { from, to }, locale);
	}

	/** A first of January stands for the year alone, as sources often give only it. */
	private static String date(LocalDate date, DateTimeFormatter format) {
		return (date.getDayOfYear() == 1) ? Integer.toString(date.getYear()) : date.format(format);
	}

	private List<ImpactView.Chart> charts(List<Figure> list, Locale locale) {
		Map<String, Map<Integer, Figure>> byMeasure = new LinkedHashMap<>();
		for (Figure figure : list) {
			Integer year = figure.year();
			if (year != null) {
				byMeasure.computeIfAbsent(figure.measure(), (m) -> new LinkedHashMap<>()).putIfAbsent(year, figure);
			}
		}
		List<ImpactView.Chart> charts = new ArrayList<>();
		byMeasure.forEach((measure, years) -> {
			if (years.size() < 2) {
				return;
			}
			long max = Math.max(1, years.values().stream().mapToLong(Figure::value).max().orElse(1));
			List<ImpactView.Bar> bars = years.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
				.map((e) -> new ImpactView.Bar(e.getKey().toString(),
						(int) Math.max(1, Math.round(e.getValue().value() * 100.0 / max)),
						amount(e.getValue(), locale)))
				.toList();
			charts.add(new ImpactView.Chart(this.messages.getMessage("impact.measure." + measure, null, locale), bars));
		});
		return charts;
	}

}
