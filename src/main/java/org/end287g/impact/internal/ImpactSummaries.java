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

import org.end287g.tracker.AgencyView;
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

	/**
	 * A state's totals: for each measure, each agency counts once with its largest figure
	 * (its periods may overlap, so adding them could count people twice), and the sum is
	 * worded "at least" (or "about" when a figure it adds is itself approximate). Null
	 * when no agency of the state has a figure.
	 */
	@Nullable StateImpact ofState(String stateName, List<AgencyView> agencies, Locale locale) {
		Map<String, AgencyView> bySlug = new LinkedHashMap<>();
		agencies.forEach((agency) -> bySlug.putIfAbsent(agency.slug(), agency));
		Map<String, Map<AgencyView, Figure>> largest = new LinkedHashMap<>();
		for (Figure figure : this.figures.ofAgencies(bySlug.keySet())) {
			AgencyView agency = (figure.agencySlug() != null) ? bySlug.get(figure.agencySlug()) : null;
			if (agency != null) {
				largest.computeIfAbsent(figure.measure(), (m) -> new LinkedHashMap<>())
					.merge(agency, figure, (a, b) -> (b.value() > a.value()) ? b : a);
			}
		}
		if (largest.isEmpty()) {
			return null;
		}
		List<StateImpact.Total> totals = new ArrayList<>();
		for (String measure : Figure.MEASURES) {
			Map<AgencyView, Figure> perAgency = largest.get(measure);
			if (perAgency == null) {
				continue;
			}
			long sum = perAgency.values().stream().mapToLong(Figure::value).sum();
			boolean about = perAgency.values().stream().anyMatch((f) -> "ABOUT".equals(f.qualifier()));
			String number = NumberFormat.getIntegerInstance(locale).format(sum);
			if ("COST".equals(measure) || "REIMBURSEMENT".equals(measure)) {
				number = "$" + number;
			}
			String amount = this.messages.getMessage((about) ? "impact.state.about" : "impact.state.atLeast",
					new Object[] { number }, locale);
			String text = this.messages.getMessage("impact.state.total." + measure,
					new Object[] { amount, perAgency.size(), stateName }, locale);
			List<StateImpact.Part> parts = perAgency.entrySet()
				.stream()
				.sorted(Comparator.comparingLong((Map.Entry<AgencyView, Figure> e) -> e.getValue().value()).reversed())
				.map((e) -> new StateImpact.Part(e.getKey().name(), e.getKey().slug(),
						this.messages.getMessage("impact.state.part",
								new Object[] { amount(e.getValue(), locale), period(e.getValue(), locale) }, locale),
						e.getValue().source()))
				.toList();
			totals.add(new StateImpact.Total(measure, sum, text, parts));
		}
		return new StateImpact(stateName, totals);
	}

	ImpactView.Line line(Figure figure, Locale locale) {
		String amount = amount(figure, locale);
		String text = this.messages.getMessage("impact.line." + figure.measure(),
				new Object[] { amount, period(figure, locale) }, locale);
		if (figure.model() != null) {
			text = this.messages.getMessage("impact.line.model", new Object[] { text, figure.model() }, locale);
		}
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
		DateTimeFormatter format = longDate(locale);
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

	/**
	 * Dates written out in full, as the page's language writes them ("5 de diciembre de
	 * 2018").
	 */
	DateTimeFormatter longDate(Locale locale) {
		return DateTimeFormatter.ofPattern(this.messages.getMessage("date.long", null, locale), locale);
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
