package org.end287g.tracker.reading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.CountyRef;

/**
 * Agencies as rows of a query name them (columns {@code slug, state, name, kind,
 * county_fips}), each county looked up once: for the snapshot and for the queries that
 * must not load it.
 */
final class AgencyRows {

	private final Places places;

	private final Map<String, Optional<County>> counties = new HashMap<>();

	AgencyRows(Places places) {
		this.places = places;
	}

	AgencyView agency(ResultSet rs) throws SQLException {
		String fips = rs.getString("county_fips");
		CountyRef county = (fips != null) ? new CountyRef(fips, county(fips).map(County::name).orElse(null)) : null;
		return new AgencyView(rs.getString("name"), rs.getString("slug"), rs.getString("state"), rs.getString("kind"),
				county);
	}

	Optional<County> county(String fips) {
		return this.counties.computeIfAbsent(fips, this.places::county);
	}

}
