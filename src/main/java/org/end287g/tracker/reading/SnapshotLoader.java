package org.end287g.tracker.reading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ListedCount;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a {@link TrackerSnapshot} in four queries, whatever the number of agreements. */
@Component
class SnapshotLoader {

	private static final String AGREEMENTS = """
			select g.id as agency_id, g.slug, g.state, g.name, g.kind, g.county_fips,
			       a.model, a.status, a.signed, a.first_listed, l.last_listed, a.moa_url, a.addendum_url
			from agreement a join agency g on g.id = a.agency_id join agreement_listing l on l.id = a.id
			order by g.state, g.name, g.id, a.model
			""";

	private static final String FORMER_NAMES = "select agency_id, name from agency_name order by agency_id, name";

	private static final String HISTORY = """
			select published_at, listed_count from ice_sheet
			where list = 'PARTICIPATING' and accepted = true order by published_at, id
			""";

	private final JdbcClient jdbc;

	private final Places places;

	private final IceSheets sheets;

	SnapshotLoader(JdbcClient jdbc, Places places, IceSheets sheets) {
		this.jdbc = jdbc;
		this.places = places;
		this.sheets = sheets;
	}

	TrackerSnapshot load() {
		AgencyRows agencyRows = new AgencyRows(this.places);
		Map<Long, AgencyView> agencies = new LinkedHashMap<>();
		List<TrackerSnapshot.Row> rows = this.jdbc.sql(AGREEMENTS)
			.query((rs, n) -> row(rs, agencyRows, agencies))
			.list();
		List<ListedCount> history = this.jdbc.sql(HISTORY)
			.query((rs, n) -> new ListedCount(rs.getTimestamp(1).toLocalDateTime().toLocalDate(), rs.getInt(2)))
			.list();
		LocalDate asOf = history.isEmpty() ? null : history.getLast().publishedOn();
		List<AgreementView> agreements = rows.stream().map(TrackerSnapshot.Row::agreement).toList();
		return TrackerSnapshot.of(rows, agencies, names(agencies), history,
				StatsCalculator.states(this.places.states(), agreements), StatsCalculator.stats(asOf, agreements),
				this.sheets.firstStartOnly());
	}

	private static TrackerSnapshot.Row row(ResultSet rs, AgencyRows agencyRows, Map<Long, AgencyView> agencies)
			throws SQLException {
		long agencyId = rs.getLong("agency_id");
		AgencyView agency = agencies.get(agencyId);
		if (agency == null) {
			agency = agencyRows.agency(rs);
			agencies.put(agencyId, agency);
		}
		Optional<County> county = (agency.county() != null) ? agencyRows.county(agency.county().fips())
				: Optional.empty();
		LocalDate signed = (rs.getDate("signed") != null) ? rs.getDate("signed").toLocalDate() : null;
		AgreementView agreement = new AgreementView(agency, rs.getString("model"), signed, rs.getString("status"),
				date(rs.getTimestamp("first_listed")), date(rs.getTimestamp("last_listed")), rs.getString("moa_url"),
				rs.getString("addendum_url"));
		return new TrackerSnapshot.Row(agencyId, agreement, county.map(County::latitude).orElse(null),
				county.map(County::longitude).orElse(null));
	}

	private List<AgencyName> names(Map<Long, AgencyView> agencies) {
		List<AgencyName> names = new ArrayList<>();
		agencies.values().forEach((agency) -> names.add(new AgencyName(agency.name(), agency)));
		this.jdbc.sql(FORMER_NAMES).query((rs, n) -> {
			AgencyView agency = agencies.get(rs.getLong(1));
			if (agency != null && !agency.name().equalsIgnoreCase(rs.getString(2))) {
				names.add(new AgencyName(rs.getString(2), agency));
			}
			return agency;
		}).list();
		return List.copyOf(names);
	}

	/** A column that is NOT NULL. */
	private static LocalDate date(Timestamp timestamp) {
		return timestamp.toLocalDateTime().toLocalDate();
	}

}
