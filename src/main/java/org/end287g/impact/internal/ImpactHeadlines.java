package org.end287g.impact.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.end287g.impact.HeadlineFigures;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The headline figure of an agency, worded as its page words it, with its source. */
@Component
class ImpactHeadlines implements HeadlineFigures {

	/** The measures that persuade most first. */
	private static final List<String> ORDER = List.of("PEOPLE_PROCESSED", "REMOVALS", "DETAINERS", "PEOPLE_HELD",
			"ENCOUNTERS", "COST", "REIMBURSEMENT");

	private final Figures figures;

	private final ImpactSummaries summaries;

	private final MessageSource messages;

	ImpactHeadlines(Figures figures, ImpactSummaries summaries, MessageSource messages) {
		this.figures = figures;
		this.summaries = summaries;
		this.messages = messages;
	}

	@Override
	public Optional<HeadlineFigure> of(String agencySlug, Locale locale) {
		// the list comes latest first, so the first of the best measure is its latest
		return this.figures.of(agencySlug)
			.stream()
			.min(Comparator.comparingInt((Figure f) -> rank(f.measure())))
			.map((figure) -> new HeadlineFigure(capitalized(this.summaries.line(figure, locale).text(), locale),
					this.messages.getMessage("impact.headline.source", new Object[] { source(figure.source(), locale) },
							locale)));
	}

	private static int rank(String measure) {
		int rank = ORDER.indexOf(measure);
		return (rank < 0) ? ORDER.size() : rank;
	}

	private static String capitalized(String text, Locale locale) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}

	private String source(Figure.Source source, Locale locale) {
		StringBuilder text = new StringBuilder(source.title());
		if (source.publisher() != null) {
			text.append(", ").append(source.publisher());
		}
		if (source.date() != null) {
			text.append(", ").append(source.date().format(this.summaries.longDate(locale)));
		}
		return text.toString();
	}

}
