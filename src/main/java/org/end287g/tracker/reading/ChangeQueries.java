package org.end287g.tracker.reading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.places.Places;
import org.end287g.tracker.AgencyProfile.RawValues;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.SheetChange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Agreement events and the per-agency details that are not in the snapshot. */
@Component
class ChangeQueries {

	private static final String LATEST = """
			select e.id, e.kind, e.occurred_at, e.detail, a.model, a.agency_id
			from agreement_event e join agreement a on a.id = e.agreement_id
			order by e.occurred_at desc, e.id desc limit :limit
			""";

	private static final String LATEST_IN_STATE = """
			select e.id, e.kind, e.occurred_at, e.detail, a.model, a.agency_id
			from agreement_event e join agreement a on a.id = e.agreement_id join agency g on g.id = a.agency_id
			where g.state = :state
			order by e.occurred_at desc, e.id desc limit :limit
			""";

	private static final String LATEST_IN_COUNTY = """
			select e.id, e.kind, e.occurred_at, e.detail, a.model, a.agency_id
			from agreement_event e join agreement a on a.id = e.agreement_id join agency g on g.id = a.agency_id
			where g.county_fips = :county
			order by e.occurred_at desc, e.id desc limit :limit
			""";

	private static final String OF_SHEET = """
			select e.kind, a.model, g.slug, g.state, g.name, g.kind, g.county_fips
			from agreement_event e join agreement a on a.id = e.agreement_id join agency g on g.id = a.agency_id
			where e.sheet_id = :sheet and e.kind <> 'RENAMED'
			order by a.agency_id, a.model, e.id
			""";

	private static final String LISTED_AGENCIES = """
			select g.slug, g.state, g.name, g.kind, g.county_fips from agency g
			where exists (select 1 from agreement a where a.agency_id = g.id and a.status in ('ACTIVE', 'PENDING'))
			""";

	private static final String OF_AGENCY = """
			select e.id, e.kind, e.occurred_at, e.detail, a.model, a.agency_id
			from agreement_event e join agreement a on a.id = e.agreement_id
			where a.agency_id = :agency
			order by e.occurred_at, e.id
			""";

	private final JdbcClient jdbc;

	private final Places places;

	ChangeQueries(JdbcClient jdbc, Places places) {
		this.jdbc = jdbc;
		this.places = places;
	}

	/**
	 * The latest changes of the snapshot's agencies; one an import committed after the
	 * snapshot was loaded does not know yet waits for the next data version.
	 */
	List<AgreementChange> latest(Optional<String> state, int limit, Map<Long, AgencyView> agencies) {
		var statement = this.jdbc.sql(state.isPresent() ? LATEST_IN_STATE : LATEST).param("limit", limit);
		state.ifPresent((code) -> statement.param("state", code));
		return statement.query((rs, n) -> change(rs, agencies)).list().stream().flatMap(Optional::stream).toList();
	}

	/** A row of the latest changes, when its agency is the snapshot's. */
	private static Optional<AgreementChange> change(ResultSet rs, Map<Long, AgencyView> agencies) throws SQLException {
		AgencyView agency = agencies.get(rs.getLong(6));
		if (agency == null) {
			return Optional.empty();
		}
		return Optional.of(new AgreementChange(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
				rs.getString(4), rs.getString(5), agency));
	}

	List<AgreementChange> latestInCounty(String countyFips, int limit, Map<Long, AgencyView> agencies) {
		return this.jdbc.sql(LATEST_IN_COUNTY)
			.param("county", countyFips)
			.param("limit", limit)
			.query((rs, n) -> change(rs, agencies))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * What one sheet changed (renames aside), read without loading the snapshot: the jobs
	 * that follow each import must cost what the sheet changed, not what the tracker
	 * holds.
	 */
	List<SheetChange> ofSheet(long sheetId) {
		AgencyRows agencies = new AgencyRows(this.places);
		return this.jdbc.sql(OF_SHEET)
			.param("sheet", sheetId)
			.query((rs, n) -> new SheetChange(rs.getString(1), rs.getString(2), agencies.agency(rs)))
			.list();
	}

	/**
	 * The agencies with an ACTIVE or PENDING agreement, in one query without the
	 * snapshot.
	 */
	List<AgencyView> listedAgencies() {
		AgencyRows agencies = new AgencyRows(this.places);
		return this.jdbc.sql(LISTED_AGENCIES + " order by g.id").query((rs, n) -> agencies.agency(rs)).list();
	}

	/**
	 * Those of the given agencies (each named once) with an ACTIVE or PENDING agreement.
	 */
	List<AgencyView> listedAgencies(List<String> slugs) {
		// one parameter an agency: far below the drivers' limits, even for every agency
		AgencyRows agencies = new AgencyRows(this.places);
		return this.jdbc.sql(LISTED_AGENCIES + " and g.slug in (:slugs) order by g.id")
			.param("slugs", slugs)
			.query((rs, n) -> agencies.agency(rs))
			.list();
	}

	List<AgreementChange> ofAgency(long agencyId, AgencyView agency) {
		return this.jdbc.sql(OF_AGENCY)
			.param("agency", agencyId)
			.query((rs, n) -> new AgreementChange(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
					rs.getString(4), rs.getString(5), agency))
			.list();
	}

	List<String> formerNames(long agencyId, String currentName) {
		return this.jdbc.sql("select name from agency_name where agency_id = :agency order by name")
			.param("agency", agencyId)
			.query((rs, n) -> rs.getString(1))
			.list()
			.stream()
			.filter((name) -> !name.equalsIgnoreCase(currentName))
			.toList();
	}

	RawValues raw(long agencyId) {
		return this.jdbc.sql("select raw_state, raw_name, raw_kind, raw_county, issues from agency where id = :agency")
			.param("agency", agencyId)
			.query((rs, n) -> new RawValues(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.single();
	}

}
