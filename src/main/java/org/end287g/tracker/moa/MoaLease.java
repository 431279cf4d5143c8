package org.end287g.tracker.moa;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lease on the 'moa' row of importer_lock, so one app instance at a time archives ICE's
 * PDFs (apart from the sheet fetch's lease: a slow PDF never holds up a sheet).
 */
@Component
class MoaLease {

	private final JdbcClient jdbc;

	private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	MoaLease(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean tryAcquire(Duration length) {
		LocalDateTime now = LocalDateTime.now();
		return this.jdbc
			.sql("update importer_lock set locked_until = ?, locked_by = ? where name = 'moa' "
					+ "and (locked_until is null or locked_until < ?)")
			.params(now.plus(length), this.owner, now)
			.update() == 1;
	}

	void release() {
		this.jdbc
			.sql("update importer_lock set locked_until = null, locked_by = null where name = 'moa' and locked_by = ?")
			.param(this.owner)
			.update();
	}

}
