package org.end287g.tracker.importing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Table snapshots for comparing end states. */
final class ImporterTestSupport {

	private ImporterTestSupport() {
	}

	/**
	 * Agreements by natural key (state, agency name, model) with their derived values.
	 */
	static List<String> agreements(JdbcClient jdbc) {
		return jdbc
			.sql("select a.state, a.name, a.county_fips, g.model, g.status, g.signed, g.moa_url, g.first_listed, "
					+ "l.last_listed, g.first_pending, g.first_participating, g.removed_at from agreement g "
					+ "join agency a on a.id = g.agency_id join agreement_listing l on l.id = g.id "
					+ "order by a.state, a.name, g.model")
			.query((rs, n) -> {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= 12; i++) {
					row.append(rs.getString(i)).append('|');
				}
				return row.toString();
			})
			.list();
	}

	/**
	 * Agreements whose last listing, as the database derives it, is not the publication
	 * of the latest accepted sheet whose rows list them (counted here from the rows).
	 */
	static List<String> wrongLastListings(JdbcClient jdbc) {
		return jdbc.sql("""
				select a.id || ' ' || l.last_listed || ' ' || x.listed from agreement a
				join agreement_listing l on l.id = a.id
				join (select g.id, max(s.published_at) as listed from agreement g
				      join sheet_rows r on ',' || r.agreement_ids like '%,' || g.id || ',%'
				      join ice_sheet s on s.id = r.sheet_id and s.accepted group by g.id) x on x.id = a.id
				where l.last_listed <> x.listed""").query(String.class).list();
	}

	static List<String> events(JdbcClient jdbc) {
		return jdbc
			.sql("select a.state, a.name, g.model, e.kind, e.occurred_at, s.file_name, e.detail from agreement_event e "
					+ "join agreement g on g.id = e.agreement_id join agency a on a.id = g.agency_id "
					+ "join ice_sheet s on s.id = e.sheet_id order by 1, 2, 3, 5, 4")
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
					+ "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7))
			.list();
	}

	static Map<String, Long> activeByModel(JdbcClient jdbc) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		jdbc.sql("select model, count(*) from agreement where status = 'ACTIVE' group by model")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Every stored sheet row, sheet by sheet in the order they were stored. */
	static List<SheetRows.Stored> rows(JdbcClient jdbc) {
		return jdbc.sql("select agreement_ids, content from sheet_rows order by sheet_id, part")
			.query((rs, n) -> SheetRows.unpack(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.flatMap(List::stream)
			.toList();
	}

	static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
