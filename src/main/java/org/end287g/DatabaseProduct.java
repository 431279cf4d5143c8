package org.end287g;

import java.sql.DatabaseMetaData;
import java.util.Objects;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The database the application runs on, as its driver names it: PostgreSQL in production,
 * H2 for development and tests. Several modules choose a statement or a shortcut by it
 * ({@code skip locked}, triggers, {@code analyze}), so it lives beside the application,
 * outside every module.
 */
public final class DatabaseProduct {

	private DatabaseProduct() {
	}

	/** The driver's product name ("PostgreSQL", "H2"), or "" when it cannot be read. */
	public static String of(DataSource dataSource) {
		try {
			return Objects.requireNonNullElse(
					JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName), "");
		}
		catch (MetaDataAccessException ex) {
			return "";
		}
	}

	/** Whether it is PostgreSQL; false when the driver cannot say. */
	public static boolean isPostgresql(DataSource dataSource) {
		return "PostgreSQL".equals(of(dataSource));
	}

}
