package org.end287g.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.end287g.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String actor, String action, String subject, @Nullable String details) {
		this.jdbc.sql("INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)")
			.params(OffsetDateTime.now(this.clock), truncate(actor, 64), truncate(action, 64), truncate(subject, 200))
			.param(truncate(details, 1000))
			.update();
	}

	@Contract("!null, _ -> !null")
	private static @Nullable String truncate(@Nullable String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
