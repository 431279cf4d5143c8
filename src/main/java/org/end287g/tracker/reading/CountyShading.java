package org.end287g.tracker.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.end287g.places.CountyShade;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.CountyRef;

import org.springframework.context.MessageSource;

/**
 * How a county is coloured: by the model of its active agreements, {@code multi} when
 * they have several models (the legend says so), {@code pending} when none is active yet.
 * Counties with a single agency link to it; the others to the county's page near me,
 * which lists its agencies and their campaigns.
 */
final class CountyShading {

	private CountyShading() {
	}

	static Map<String, CountyShade> shades(List<AgreementView> agreements, MessageSource messages, Locale locale) {
		Map<String, List<AgreementView>> byCounty = new LinkedHashMap<>();
		for (AgreementView agreement : agreements) {
			CountyRef county = agreement.agency().county();
			if (agreement.listed() && county != null) {
				byCounty.computeIfAbsent(county.fips(), (fips) -> new ArrayList<>()).add(agreement);
			}
		}
		Map<String, CountyShade> shades = new LinkedHashMap<>();
		byCounty.forEach((fips, here) -> shades.put(fips, shade(fips, here, messages, locale)));
		return shades;
	}

	private static CountyShade shade(String fips, List<AgreementView> here, MessageSource messages, Locale locale) {
		Set<String> activeModels = here.stream()
			.filter((a) -> a.status().equals("ACTIVE"))
			.map(AgreementView::model)
			.collect(Collectors.toCollection(TreeSet::new));
		String cssClass = activeModels.isEmpty() ? "pending"
				: (activeModels.size() > 1) ? "multi" : activeModels.iterator().next().toLowerCase(Locale.ROOT);
		AgreementView first = here.getFirst();
		long agencies = here.stream().map((a) -> a.agency().slug()).distinct().count();
		String href = (agencies == 1) ? "/agencies/" + first.agency().slug() : "/near?county=" + fips;
		CountyRef ref = first.agency().county();
		String county = (ref != null && ref.name() != null) ? ref.name() : fips;
		long active = here.stream().filter((a) -> a.status().equals("ACTIVE")).count();
		String models = here.stream().map(AgreementView::model).distinct().sorted().collect(Collectors.joining(", "));
		String label = messages.getMessage("map.county.label",
				new Object[] { county, first.agency().state(), active, here.size() - active, models }, locale);
		return new CountyShade(fips, cssClass, label, href);
	}

}
