package org.end287g;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Statistics are refreshed on PostgreSQL, where the planner uses them, and the call is
 * harmless on H2; a name that is not a plain table name never reaches the database.
 */
class TableStatisticsTests {

	@Test
	void postgresqlPlansOnTheRowsJustWritten() throws Exception {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "the tests run on H2");
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url,
				System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
				System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""), true);
		try {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("drop table if exists statistics_probe").update();
			jdbc.sql("create table statistics_probe (id integer primary key)").update();
			jdbc.sql("insert into statistics_probe select generate_series(1, 2000)").update();
			assertThat(tuples(jdbc)).isLessThan(1);
			new TableStatistics(jdbc, dataSource).refresh("statistics_probe");
			assertThat(tuples(jdbc)).isEqualTo(2000);
			jdbc.sql("drop table statistics_probe").update();
		}
		finally {
			dataSource.destroy();
		}
	}

	@Test
	void h2IsLeftAloneAndOnlyTableNamesAreTaken() throws Exception {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:statistics", "sa", "",
				true);
		try {
			TableStatistics statistics = new TableStatistics(JdbcClient.create(dataSource), dataSource);
			statistics.refresh("no_such_table");
			for (String name : new String[] { "agency; drop table agency", "Agency", "", "a".repeat(64) }) {
				assertThatIllegalArgumentException().isThrownBy(() -> statistics.refresh("agency", name));
			}
		}
		finally {
			dataSource.destroy();
		}
	}

	/** The planner's row count: -1 or 0 before any analysis. */
	private static float tuples(JdbcClient jdbc) {
		return jdbc.sql("select reltuples from pg_class where relname = 'statistics_probe'")
			.query(Float.class)
			.single();
	}

}
