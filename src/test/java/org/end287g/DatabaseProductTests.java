package org.end287g;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The database's name as its driver gives it, and nothing assumed when it cannot. */
class DatabaseProductTests {

	@Test
	void h2IsNamedAndIsNotPostgresql() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:product", "sa", "", true);
		try {
			assertThat(DatabaseProduct.of(dataSource)).isEqualTo("H2");
			assertThat(DatabaseProduct.isPostgresql(dataSource)).isFalse();
		}
		finally {
			dataSource.destroy();
		}
	}

	@Test
	void aDatabaseThatCannotBeReachedIsUnknownAndNotPostgresql() {
		// nothing listens on port 1: the connection is refused at once
		DriverManagerDataSource unreachable = new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "postgres", "");
		assertThat(DatabaseProduct.of(unreachable)).isEmpty();
		assertThat(DatabaseProduct.isPostgresql(unreachable)).isFalse();
	}

}
