package org.end287g.tracker.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a stored sheet lists: its agreements (with the agency name of the first row
 * listing each) and their agencies. A sheet's rows never change once written and its id
 * is never given again, so the last sheets written or read are kept: each import reads
 * the previous sheet of each list several times (the guard, the history), and a pending
 * sheet is compared with every participating sheet since the pending one before it (a
 * week or two of them). The copy is only a cache; another instance or a restart reads the
 * rows again.
 */
@Component
class SheetMembers {

	private static final int KEPT = 32;

	/**
	 * A row that names an agreement: its agency, the agency's name as listed, the signing
	 * date as written.
	 */
	record Member(long agreement, long agency, String name, @Nullable String signed) {
	}

	/**
	 * The agreements a sheet lists, in row order, with the agency name of the first row
	 * listing each, and their agencies.
	 */
	record Listing(List<Member> rows, Map<Long, String> names, Set<Long> agencies) {

		static Listing of(List<Member> rows) {
			Map<Long, String> names = new LinkedHashMap<>();
			Set<Long> agencies = new LinkedHashSet<>();
			for (Member row : rows) {
				names.putIfAbsent(row.agreement(), row.name());
				agencies.add(row.agency());
			}
			return new Listing(List.copyOf(rows), Collections.unmodifiableMap(names),
					Collections.unmodifiableSet(agencies));
		}

		Set<Long> agreements() {
			return this.names.keySet();
		}

	}

	private final JdbcClient jdbc;

	private final SheetRows sheetRows;

	private final Map<Long, Listing> kept = Collections.synchronizedMap(new LinkedHashMap<>(KEPT * 2, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Listing> eldest) {
			return size() > KEPT;
		}

	});

	SheetMembers(JdbcClient jdbc, SheetRows sheetRows) {
		this.jdbc = jdbc;
		this.sheetRows = sheetRows;
	}

	/** What the stored sheet lists, read once. */
	Listing of(long sheetId) {
		Listing listing = this.kept.get(sheetId);
		if (listing == null) {
			listing = read(sheetId);
			this.kept.put(sheetId, listing);
		}
		return listing;
	}

	/**
	 * Keeps what a sheet being imported lists, as its rows were written. Harmless if the
	 * import then rolls back: the sheet's id is never given again.
	 */
	void remember(long sheetId, Listing listing) {
		this.kept.put(sheetId, listing);
	}

	/** Forgets every sheet: their rows were deleted. */
	void forgetAll() {
		this.kept.clear();
	}

	private Listing read(long sheetId) {
		List<SheetRows.Stored> stored = this.sheetRows.read(sheetId);
		Map<Long, Long> agencies = new HashMap<>();
		if (!stored.isEmpty()) {
			this.jdbc.sql("select id, agency_id from agreement")
				.query((rs, n) -> agencies.put(rs.getLong(1), rs.getLong(2)))
				.list();
		}
		List<Member> rows = new ArrayList<>();
		for (SheetRows.Stored row : stored) {
			Long agreement = row.agreementId();
			Long agency = (agreement != null) ? agencies.get(agreement) : null;
			if (agreement != null && agency != null) {
				rows.add(new Member(agreement, agency, Names.tidy(row.agency()), row.signed()));
			}
		}
		return Listing.of(rows);
	}

}
