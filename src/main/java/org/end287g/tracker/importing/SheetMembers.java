package org.end287g.tracker.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a stored sheet lists: its agreements (with the agency name of the first row
 * listing each) and their agencies. A sheet's rows never change once written and its id
 * is never given again, so the last few sheets read are kept: each import reads the
 * previous sheet of each list several times (the guard, the history). The copy is only a
 * cache; another instance or a restart reads the rows again.
 */
@Component
class SheetMembers {

	private static final int KEPT = 8;

	/** The agreements a sheet lists, in row order, and their agencies. */
	record Listing(Map<Long, String> names, Set<Long> agencies) {

		Set<Long> agreements() {
			return this.names.keySet();
		}

	}

	private final JdbcClient jdbc;

	private final Map<Long, Listing> kept = Collections.synchronizedMap(new LinkedHashMap<>(KEPT * 2, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Listing> eldest) {
			return size() > KEPT;
		}

	});

	SheetMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** Forgets every sheet: their rows were deleted. */
	void forgetAll() {
		this.kept.clear();
	}

	private Listing read(long sheetId) {
		Map<Long, String> names = new LinkedHashMap<>();
		Set<Long> agencies = new LinkedHashSet<>();
		this.jdbc
			.sql("select r.agreement_id, r.raw_agency, g.agency_id from sheet_row r "
					+ "join agreement g on g.id = r.agreement_id where r.sheet_id = ? order by r.row_number")
			.param(sheetId)
			.query((rs, n) -> {
				names.putIfAbsent(rs.getLong(1), Names.tidy(rs.getString(2)));
				return agencies.add(rs.getLong(3));
			})
			.list();
		return new Listing(Collections.unmodifiableMap(names), Collections.unmodifiableSet(agencies));
	}

}
