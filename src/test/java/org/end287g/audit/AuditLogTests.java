package org.end287g.audit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class AuditLogTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEntryIsAppendedAndCannotBeChangedOrDeleted() {
		this.audit.record("account-1", "role.grant", "account-2", "ADMIN");
		long id = this.jdbc.sql("SELECT max(id) FROM audit_log WHERE action = 'role.grant'").query(Long.class).single();
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(
				() -> this.jdbc.sql("UPDATE audit_log SET details = 'nothing' WHERE id = ?").param(id).update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(id).update());
		assertThat(this.jdbc.sql("SELECT details FROM audit_log WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("ADMIN");
	}

	@Test
	void overlongValuesAreCutNotRefused() {
		this.audit.record("a".repeat(100), "x".repeat(100), "s".repeat(300), "d".repeat(5000));
		assertThat(this.jdbc.sql("SELECT length(details) FROM audit_log WHERE actor = ?")
			.param("a".repeat(64))
			.query(Integer.class)
			.single()).isEqualTo(1000);
	}

}
