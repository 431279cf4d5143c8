package org.end287g;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Creates the tests' in-memory H2 database once per JVM, on a connection that stays open
 * until the JVM ends. H2 ties parsed {@code CHECK (x IN (...))} constraints to the
 * session that created them: when that session closes (a test application closed by
 * {@code @DirtiesContext} closes its pool), every later insert fails with "Check
 * constraint invalid ... The database has been closed". Migrating here first means the
 * applications' own Flyway finds nothing to do. Runs against PostgreSQL do nothing.
 * Registered for every test class by JUnit's extension auto-detection.
 */
public class EmbeddedDatabaseOwner implements BeforeAllCallback {

	private static Connection owner;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		migrateOnce();
	}

	private static synchronized void migrateOnce() throws IOException, SQLException {
		if (owner != null) {
			return;
		}
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url == null) {
			url = testProperty("spring.datasource.url");
		}
		if (url == null || !url.startsWith("jdbc:h2:mem:")) {
			owner = DriverManager.getConnection("jdbc:h2:mem:unused");
			return;
		}
		owner = DriverManager.getConnection(url, "sa", "");
		Flyway.configure()
			.dataSource(new SingleConnectionDataSource(owner, true))
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
	}

	private static String testProperty(String name) throws IOException {
		try (InputStream in = EmbeddedDatabaseOwner.class.getResourceAsStream("/config/application.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty(name);
		}
	}

}
