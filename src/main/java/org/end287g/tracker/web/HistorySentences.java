package org.end287g.tracker.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.tracker.reading.AgreementChange;

import org.springframework.context.MessageSource;

/**
 * An agency's history told as one sentence per agreement ("Jail Enforcement Model
 * agreement: listed as pending on 3 June 2025; listed as signed on 9 July 2025; removed
 * on 12 August 2025."), because a list of coded events reads like a log, not like news.
 * The dates are those of ICE's sheets, which is all the sheets say.
 */
final class HistorySentences {

	private HistorySentences() {
	}

	static List<String> of(List<AgreementChange> changes, MessageSource messages, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofPattern(messages.getMessage("timeline.datePattern", null, locale),
				locale);
		Map<String, List<String>> steps = new LinkedHashMap<>();
		changes.stream()
			.sorted(java.util.Comparator.comparing(AgreementChange::occurredAt).thenComparing(AgreementChange::id))
			.forEach(
					(change) -> steps.computeIfAbsent(change.model(), (k) -> new ArrayList<>())
						.add(messages.getMessage("timeline." + change.kind(), new Object[] {
								dates.format(change.occurredAt()), (change.detail() != null) ? change.detail() : "" },
								locale)));
		List<String> sentences = new ArrayList<>();
		steps.forEach((model,
				parts) -> sentences.add(messages.getMessage("timeline.agreement",
						new Object[] { messages.getMessage("model." + model + ".name", null, model, locale),
								String.join(messages.getMessage("timeline.separator", null, locale), parts) },
						locale)));
		return sentences;
	}

}
