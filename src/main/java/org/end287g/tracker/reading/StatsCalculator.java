package org.end287g.tracker.reading;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.end287g.places.State;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.StateTotals;
import org.end287g.tracker.TrackerStats;
import org.jspecify.annotations.Nullable;

/** National totals computed from the agreements of one snapshot. */
final class StatsCalculator {

	static final List<String> MODELS = List.of("JEM", "TFM", "WSO");

	private StatsCalculator() {
	}

	static TrackerStats stats(@Nullable LocalDate asOf, List<AgreementView> agreements) {
		List<AgreementView> active = with(agreements, "ACTIVE");
		List<AgreementView> pending = with(agreements, "PENDING");
		Map<String, Integer> byModel = new LinkedHashMap<>();
		MODELS.forEach((model) -> byModel.put(model, count(active, (a) -> a.model().equals(model))));
		return new TrackerStats(asOf,
				new TrackerStats.Active(active.size(), distinctAgencies(active), distinctStates(active), byModel),
				new TrackerStats.Pending(pending.size(), distinctAgencies(pending)),
				new TrackerStats.Removed(with(agreements, "REMOVED").size()));
	}

	static List<StateTotals> states(List<State> states, List<AgreementView> agreements) {
		return states.stream().map((state) -> {
			List<AgreementView> here = agreements.stream()
				.filter((a) -> a.agency().state().equals(state.code()))
				.toList();
			return new StateTotals(state.code(), state.name(), with(here, "ACTIVE").size(),
					with(here, "PENDING").size(), with(here, "REMOVED").size());
		}).toList();
	}

	private static List<AgreementView> with(List<AgreementView> agreements, String status) {
		return agreements.stream().filter((a) -> a.status().equals(status)).toList();
	}

	private static int count(List<AgreementView> agreements, Predicate<AgreementView> test) {
		return (int) agreements.stream().filter(test).count();
	}

	private static int distinctAgencies(List<AgreementView> agreements) {
		return (int) agreements.stream().map((a) -> a.agency().slug()).distinct().count();
	}

	private static int distinctStates(List<AgreementView> agreements) {
		return (int) agreements.stream().map((a) -> a.agency().state()).distinct().count();
	}

}
