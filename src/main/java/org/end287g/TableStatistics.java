package org.end287g;

import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics of tables a bulk write has just grown severalfold
 * (PostgreSQL's {@code ANALYZE}; nothing on other databases). Autovacuum does the same,
 * but on its own round, a minute apart by default: a tracker filled from empty by its
 * first sheet would meanwhile be queried with plans made for empty tables, which read
 * every agreement to find the ten asked for.
 */
@Component
public final class TableStatistics {

	/** Rows a write adds before its tables are worth analysing at once. */
	public static final int BULK = 500;

	private static final Pattern TABLE = Pattern.compile("[a-z_]{1,63}");

	private final JdbcClient jdbc;

	private final boolean postgres;

	public TableStatistics(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = DatabaseProduct.isPostgresql(dataSource);
	}

	/** Analyses the tables, named in code (never from input). */
	public void refresh(String... tables) {
		for (String table : tables) {
			if (!TABLE.matcher(table).matches()) {
				throw new IllegalArgumentException("not a table name: " + table);
			}
		}
		if (this.postgres && tables.length > 0) {
			this.jdbc.sql("analyze " + String.join(", ", tables)).update();
		}
	}

}
