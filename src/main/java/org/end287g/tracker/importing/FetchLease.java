package org.end287g.tracker.importing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lease on the 'fetch' row of importer_lock, so only one app instance downloads ICE's
 * sheets at a time; a crashed holder's lease simply expires.
 */
@Component
class FetchLease {

	private final JdbcClient jdbc;

	private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	FetchLease(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean tryAcquire(Duration length) {
		LocalDateTime now = LocalDateTime.now();
		return this.jdbc
			.sql("update importer_lock set locked_until = ?, locked_by = ? where name = 'fetch' "
					+ "and (locked_until is null or locked_until < ?)")
			.params(now.plus(length), this.owner, now)
			.update() == 1;
	}

	void release() {
		this.jdbc
			.sql("update importer_lock set locked_until = null, locked_by = null where name = 'fetch' "
					+ "and locked_by = ?")
			.param(this.owner)
			.update();
	}

}
