package org.end287g.tracker;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a small, known tracker data set into the real V1 tables (until the importer
 * lands, and for exact counts afterwards). Ids are never reused, so every load is a new
 * data version.
 */
public final class TrackerFixture {

	public static final String GASTON = "gaston-county-sheriffs-office-nc";

	public static final String INJECTED = "sum-police-fl";

	private final JdbcClient jdbc;

	public TrackerFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void clear() {
		for (String table : new String[] { "sheet_rows", "agreement_event", "agreement", "agency_name", "agency",
				"ice_sheet" }) {
			this.jdbc.sql("delete from " + table).update();
		}
	}

	/**
	 * 6 active (JEM 2, TFM 2, WSO 2; 5 agencies in NC, SC, FL), 1 pending, 1 removed;
	 * latest accepted participating sheet published 2025-06-27.
	 */
	public void load(String source) {
		clear();
		long first = sheet("PARTICIPATING", "2025-05-16T00:00", 3, true, source);
		sheet("PENDING", "2025-05-16T00:00", 2, true, source);
		long latest = sheet("PARTICIPATING", "2025-06-27T12:00", 6, true, source);
		sheet("PARTICIPATING", "2025-06-28T00:00", 1, false, source);
		long gaston = agency(GASTON, "NC", "Gaston County Sheriff's Office", "COUNTY", "37071", null);
		this.jdbc.sql(
				"insert into agency_name (agency_id, state, name_key, name) values (?, 'NC', 'gaston co sheriff office', 'Gaston Co. Sheriff Office')")
			.param(gaston)
			.update();
		long jem = agreement(gaston, "JEM", "ACTIVE", "2025-02-20", "https://www.ice.gov/moa/gaston.pdf");
		event(jem, first, "LISTED_ACTIVE", "2025-05-16T00:00", null);
		long wso = agreement(gaston, "WSO", "ACTIVE", "2025-05-01", null);
		event(wso, first, "LISTED_PENDING", "2025-05-16T00:00", null);
		event(wso, latest, "MOVED_TO_ACTIVE", "2025-06-27T12:00", null);
		event(jem, latest, "RENAMED", "2025-06-27T12:00", "from Gaston Co. Sheriff Office");
		listed(agency("mecklenburg-county-sheriffs-office-nc", "NC", "Mecklenburg County Sheriff's Office", "COUNTY",
				"37119", null), "JEM", "ACTIVE", first);
		listed(agency("cleveland-county-sheriffs-office-nc", "NC", "Cleveland County Sheriff's Office", "COUNTY",
				"37045", null), "TFM", "PENDING", first);
		listed(agency("york-county-sheriffs-office-sc", "SC", "York County Sheriff's Office", "COUNTY", "45091", null),
				"WSO", "ACTIVE", latest);
		listed(agency("florida-highway-patrol-fl", "FL", "Florida Highway Patrol", "STATE_AGENCY", null,
				"county not given"), "TFM", "ACTIVE", first);
		listed(agency(INJECTED, "FL", "=SUM(1,2) Police, \"Dept\"", "MUNICIPALITY", "12086", null), "TFM", "ACTIVE",
				latest);
		long harris = listed(agency("harris-county-constable-precinct-1-tx", "TX", "Harris County Constable Precinct 1",
				"OTHER", "48201", null), "JEM", "REMOVED", first);
		event(harris, latest, "REMOVED", "2025-06-27T12:00", null);
	}

	public long sheet(String list, String publishedAt, int listed, boolean accepted, String source) {
		String sha = Long.toHexString(System.nanoTime()) + list + publishedAt + accepted;
		this.jdbc
			.sql("""
					insert into ice_sheet (list, published_at, file_name, sha256, row_count, listed_count, accepted, source, imported_at)
					values (:list, :published, :file, :sha, :rows, :listed, :accepted, :source, :imported)
					""")
			.param("list", list)
			.param("published", LocalDateTime.parse(publishedAt))
			.param("file", list.toLowerCase() + publishedAt + ".xlsx")
			.param("sha", sha.substring(0, Math.min(64, sha.length())))
			.param("rows", listed)
			.param("listed", listed)
			.param("accepted", accepted)
			.param("source", source)
			.param("imported", OffsetDateTime.now())
			.update();
		return this.jdbc.sql("select max(id) from ice_sheet").query(Long.class).single();
	}

	public long agency(String slug, String state, String name, String kind, String fips, String issues) {
		this.jdbc
			.sql("""
					insert into agency (slug, state, name, kind, county_fips, raw_state, raw_name, raw_kind, raw_county, issues)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
			.params(slug, state, name, kind, fips, state, name.toUpperCase() + " ", kind, fips, issues)
			.update();
		return this.jdbc.sql("select id from agency where slug = ?").param(slug).query(Long.class).single();
	}

	public long agreement(long agency, String model, String status, String signed, String moa) {
		this.jdbc.sql("""
				insert into agreement (agency_id, model, status, signed, raw_signed, moa_url, first_listed, last_listed)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(agency, model, status, (signed != null) ? java.time.LocalDate.parse(signed) : null, signed, moa,
					LocalDateTime.parse("2025-05-16T00:00"), LocalDateTime.parse("2025-06-27T12:00"))
			.update();
		return this.jdbc.sql("select id from agreement where agency_id = ? and model = ?")
			.params(agency, model)
			.query(Long.class)
			.single();
	}

	public void event(long agreement, long sheet, String kind, String at, String detail) {
		this.jdbc.sql(
				"insert into agreement_event (agreement_id, sheet_id, kind, occurred_at, detail) values (?, ?, ?, ?, ?)")
			.params(agreement, sheet, kind, LocalDateTime.parse(at), detail)
			.update();
	}

	private long listed(long agency, String model, String status, long sheet) {
		long id = agreement(agency, model, status, null, null);
		event(id, sheet, "PENDING".equals(status) ? "LISTED_PENDING" : "LISTED_ACTIVE", "2025-05-16T00:00", null);
		return id;
	}

}
