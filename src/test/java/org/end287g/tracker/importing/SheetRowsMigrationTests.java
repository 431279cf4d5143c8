package org.end287g.tracker.importing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database of before V59 (one sheet_row per row) migrated: each sheet's rows become one
 * row of sheet_rows that reads back exactly, cells with tabs, line breaks, backslashes
 * and none included, on H2 and, when the tests run on it, PostgreSQL.
 */
class SheetRowsMigrationTests {

	private static final String AWKWARD = "Line\tone\nline two\r\\N back\\slash";

	@Test
	void sheetRowsMoveIntoOneRowPerSheetOnH2() throws Exception {
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:mem:sheet-rows-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"sa", "")) {
			migrateAndCheck(connection, "h2");
		}
	}

	@Test
	void sheetRowsMoveIntoOneRowPerSheetOnPostgresql() throws Exception {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "the tests run on H2");
		String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
		String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
		String database = "end287g_sheet_rows_migration";
		String server = url.substring(0, url.lastIndexOf('/') + 1);
		try (Connection admin = DriverManager.getConnection(server + "postgres", user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + database);
			statement.execute("create database " + database);
			try (Connection connection = DriverManager.getConnection(server + database, user, password)) {
				migrateAndCheck(connection, "postgresql");
			}
			finally {
				statement.execute("drop database if exists " + database);
			}
		}
	}

	private static void migrateAndCheck(Connection connection, String vendor) {
		SingleConnectionDataSource database = new SingleConnectionDataSource(connection, true);
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
			.target("58")
			.load()
			.migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		long first = sheet(jdbc, "participatingAgencies06262025am.xlsx");
		long second = sheet(jdbc, "pendingAgencies06262025am.xlsx");
		jdbc.sql("insert into agency (slug, state, name, kind) values ('tx-a', 'TX', 'A', 'COUNTY')").update();
		long agency = jdbc.sql("select max(id) from agency").query(Long.class).single();
		jdbc.sql(
				"insert into agreement (agency_id, model, status, first_listed, last_listed) values (?, 'JEM', 'ACTIVE', current_timestamp, current_timestamp)")
			.param(agency)
			.update();
		long agreementId = jdbc.sql("select max(id) from agreement").query(Long.class).single();
		// out of order on purpose: the migration keeps row order, not insertion order
		row(jdbc, first, 3, "TEXAS", AWKWARD, null, agreementId, "UNKNOWN_COUNTY DUPLICATE_ROW");
		row(jdbc, first, 2, "TEXAS", "Harris County Sheriff's Office", "Harris", null, null);
		row(jdbc, second, 2, null, "", "#N/A", agreementId, null);
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
			.load()
			.migrate();
		List<SheetRows.Stored> firstRows = stored(jdbc, first);
		assertThat(firstRows).containsExactly(
				new SheetRows.Stored(2, "TEXAS", "Harris County Sheriff's Office", "Municipality", "Harris",
						"Jail Enforcement Model", "6/9/2025", "MOA <https://www.ice.gov/a.pdf>", null, null, null),
				new SheetRows.Stored(3, "TEXAS", AWKWARD, "Municipality", null, "Jail Enforcement Model", "6/9/2025",
						"MOA <https://www.ice.gov/a.pdf>", null, agreementId, "UNKNOWN_COUNTY DUPLICATE_ROW"));
		assertThat(stored(jdbc, second)).containsExactly(new SheetRows.Stored(2, null, "", "Municipality", "#N/A",
				"Jail Enforcement Model", "6/9/2025", "MOA <https://www.ice.gov/a.pdf>", null, agreementId, null));
		assertThat(jdbc.sql("select row_count from sheet_rows order by sheet_id").query(Integer.class).list())
			.containsExactly(2, 1);
		assertThat(jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = 'sheet_row'")
			.query(Long.class)
			.single()).isZero();
	}

	private static long sheet(JdbcClient jdbc, String fileName) {
		jdbc.sql("insert into ice_sheet (list, published_at, file_name, sha256, row_count, accepted, source, "
				+ "imported_at) values (?, current_timestamp, ?, ?, 0, true, 'COMMAND', current_timestamp)")
			.params(fileName.startsWith("pending") ? "PENDING" : "PARTICIPATING", fileName, fileName)
			.update();
		return jdbc.sql("select max(id) from ice_sheet").query(Long.class).single();
	}

	private static void row(JdbcClient jdbc, long sheet, int number, String state, String agency, String county,
			Long agreement, String issues) {
		jdbc.sql("insert into sheet_row (sheet_id, row_number, raw_state, raw_agency, raw_kind, raw_county, "
				+ "raw_model, raw_signed, raw_moa, raw_addendum, agreement_id, issues) "
				+ "values (?, ?, ?, ?, 'Municipality', ?, 'Jail Enforcement Model', '6/9/2025', "
				+ "'MOA <https://www.ice.gov/a.pdf>', null, ?, ?)")
			.params(sheet, number, state, agency, county, agreement, issues)
			.update();
	}

	private static List<SheetRows.Stored> stored(JdbcClient jdbc, long sheet) {
		return jdbc.sql("select agreement_ids, content from sheet_rows where sheet_id = ?")
			.param(sheet)
			.query((rs, n) -> SheetRows.unpack(rs.getString(1), rs.getString(2)))
			.single();
	}

}
