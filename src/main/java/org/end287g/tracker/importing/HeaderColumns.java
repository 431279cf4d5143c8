package org.end287g.tracker.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each of ICE's columns sits, found by header name so that reordered or added
 * columns still import.
 */
record HeaderColumns(int headerRow, Map<String, Integer> columns) {

	static final String STATE = "STATE";

	static final String AGENCY = "LAW ENFORCEMENT AGENCY";

	static final String TYPE = "TYPE";

	static final String COUNTY = "COUNTY";

	static final String SUPPORT_TYPE = "SUPPORT TYPE";

	static final String SIGNED = "SIGNED";

	static final String MOA = "MOA";

	static final String ADDENDUM = "ADDENDUM";

	static final List<String> REQUIRED = List.of(STATE, AGENCY, TYPE, COUNTY, SUPPORT_TYPE);

	private static final List<String> KNOWN = List.of(STATE, AGENCY, TYPE, COUNTY, SUPPORT_TYPE, SIGNED, MOA, ADDENDUM);

	/** The header in a row of cell texts, if the row names every required column. */
	static Optional<HeaderColumns> find(int rowNumber, List<String> cells) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String name = normalise(cells.get(i));
			if (KNOWN.contains(name)) {
				columns.putIfAbsent(name, i);
			}
		}
		return missing(columns).isEmpty() ? Optional.of(new HeaderColumns(rowNumber, columns)) : Optional.empty();
	}

	static List<String> missing(Map<String, Integer> columns) {
		List<String> missing = new ArrayList<>();
		REQUIRED.stream().filter((name) -> !columns.containsKey(name)).forEach(missing::add);
		return missing;
	}

	static String normalise(String header) {
		return (header != null) ? header.replace('\u00a0', ' ').trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)
				: "";
	}

	int column(String name) {
		return this.columns.getOrDefault(name, -1);
	}

}
