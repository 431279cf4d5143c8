package org.end287g.tracker.importing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease on one named row of importer_lock, so that one app instance at a time does a
 * job of the tracker (fetching ICE's sheets, archiving their PDFs); a crashed holder's
 * lease simply expires. Public for the tracker's own subpackages.
 */
public class ImporterLease {

	private final JdbcClient jdbc;

	private final String name;

	private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	protected ImporterLease(JdbcClient jdbc, String name) {
		this.jdbc = jdbc;
		this.name = name;
	}

	public boolean tryAcquire(Duration length) {
		LocalDateTime now = LocalDateTime.now();
		return this.jdbc
			.sql("update importer_lock set locked_until = ?, locked_by = ? where name = ? "
					+ "and (locked_until is null or locked_until < ?)")
			.params(now.plus(length), this.owner, this.name, now)
			.update() == 1;
	}

	public void release() {
		this.jdbc.sql("update importer_lock set locked_until = null, locked_by = null where name = ? and locked_by = ?")
			.params(this.name, this.owner)
			.update();
	}

}
