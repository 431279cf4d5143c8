package org.end287g.tracker.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns raw rows into clean values: state and county through {@link Places}, model and
 * kind codes, signing dates and MOA links. What cannot be resolved is kept raw and named
 * in the row's issues (UNKNOWN_STATE, UNKNOWN_COUNTY, UNKNOWN_MODEL, UNKNOWN_KIND,
 * BAD_DATE, DUPLICATE_ROW).
 */
@Component
class SheetRowCleaner {

	private static final Map<String, String> MODELS = Map.of("jailenforcementmodel", "JEM", "taskforcemodel", "TFM",
			"warrantserviceofficer", "WSO", "jem", "JEM", "tfm", "TFM", "wso", "WSO");

	private static final Map<String, String> KINDS = Map.of("county", "COUNTY", "municipality", "MUNICIPALITY",
			"stateagency", "STATE_AGENCY");

	/** Rows remembered before the memo starts again: a few sheets' worth. */
	private static final int REMEMBERED = 20_000;

	/** Rows from which a sheet is cleaned on several threads. */
	private static final int PARALLEL_ROWS = 1_000;

	private final Places places;

	/**
	 * What each row's content became, by content and list: consecutive sheets repeat
	 * nearly all their rows, and cleaning depends on nothing else. Only a cache.
	 */
	private final Map<RawRow, CleanRow> participatingRows = new ConcurrentHashMap<>();

	private final Map<RawRow, CleanRow> pendingRows = new ConcurrentHashMap<>();

	SheetRowCleaner(Places places) {
		this.places = places;
	}

	List<CleanRow> clean(List<RawRow> rows, boolean participating) {
		List<CleanRow> cleaned = new ArrayList<>(rows.size());
		Set<String> seen = new HashSet<>();
		Map<RawRow, CleanRow> remembered = participating ? this.participatingRows : this.pendingRows;
		if (remembered.size() > REMEMBERED) {
			remembered.clear();
		}
		// each row alone, on two cores for a whole sheet (a new process cleans all of
		// them: its memo is empty); then duplicates, in row order
		((rows.size() >= PARALLEL_ROWS) ? rows.parallelStream() : rows.stream())
			.map((raw) -> remembered(remembered, raw, participating))
			.forEachOrdered(cleaned::add);
		for (CleanRow row : cleaned) {
			if (row.resolvable() && !seen.add(row.agencyKey() + "|" + row.model())) {
				row.issues().add("DUPLICATE_ROW");
			}
		}
		return cleaned;
	}

	private CleanRow remembered(Map<RawRow, CleanRow> remembered, RawRow raw, boolean participating) {
		RawRow content = raw.withRowNumber(0);
		CleanRow known = remembered.get(content);
		if (known == null) {
			known = clean(content, participating);
			remembered.put(content, known);
		}
		// a copy: its issues may still grow (DUPLICATE_ROW) on this sheet only
		return new CleanRow(raw, known.state(), known.name(), known.nameKey(), known.kind(), known.countyFips(),
				known.model(), known.signed(), known.moaUrl(), known.addendumUrl(), new ArrayList<>(known.issues()),
				known.agencyKey());
	}

	CleanRow clean(RawRow raw, boolean participating) {
		List<String> issues = new ArrayList<>();
		String state = this.places.matchState(Names.tidy(raw.state())).map(State::code).orElse(null);
		if (state == null) {
			issues.add("UNKNOWN_STATE");
		}
		String name = Names.tidy(raw.agency());
		String kind = closest(KINDS, raw.kind(), 2).orElse("OTHER");
		if ("OTHER".equals(kind) && !Names.tidy(raw.kind()).isEmpty()) {
			issues.add("UNKNOWN_KIND");
		}
		String model = closest(MODELS, raw.model(), 3).orElse(null);
		if (model == null) {
			issues.add("UNKNOWN_MODEL");
		}
		String county = (state != null) ? county(state, raw.county(), name, kind, issues) : null;
		LocalDate signed = participating ? signed(raw.signed(), issues) : null;
		return new CleanRow(raw, state, name, Names.key(name), kind, county, model, signed,
				participating ? MoaLinks.url(raw.moaLink(), raw.moa()).orElse(null) : null,
				MoaLinks.url(raw.addendumLink(), raw.addendum()).orElse(null), issues);
	}

	private @Nullable String county(String state, @Nullable String rawCounty, String agencyName, String kind,
			List<String> issues) {
		String text = Names.tidy(rawCounty);
		boolean given = !text.isEmpty() && !text.startsWith("#");
		Optional<County> county = given ? this.places.matchCounty(state, text) : Optional.empty();
		if (county.isEmpty()) {
			county = this.places.countyInName(state, agencyName);
		}
		if (county.isEmpty() && (given || "COUNTY".equals(kind))) {
			issues.add("UNKNOWN_COUNTY");
		}
		return county.map(County::fips).orElse(null);
	}

	private static @Nullable LocalDate signed(@Nullable String raw, List<String> issues) {
		if (Names.tidy(raw).isEmpty()) {
			return null;
		}
		Optional<LocalDate> date = SignedDates.parse(raw);
		if (date.isEmpty()) {
			issues.add("BAD_DATE");
		}
		return date.orElse(null);
	}

	/** The code whose spelling is within {@code tolerance} edits of the raw text. */
	private static Optional<String> closest(Map<String, String> codes, @Nullable String raw, int tolerance) {
		String letters = Names.letters(raw);
		if (letters.isEmpty()) {
			return Optional.empty();
		}
		String exact = codes.get(letters);
		if (exact != null) {
			return Optional.of(exact);
		}
		String best = null;
		int bestDistance = tolerance + 1;
		for (Map.Entry<String, String> code : codes.entrySet()) {
			int distance = Names.distance(letters, code.getKey());
			boolean allowed = distance <= Math.min(tolerance, code.getKey().length() / 4);
			if (allowed && distance < bestDistance) {
				best = code.getValue();
				bestDistance = distance;
			}
		}
		return Optional.ofNullable(best);
	}

}
