package org.end287g.tracker.importing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lease on the 'fetch' row of importer_lock: only one app instance downloads ICE's
 * sheets at a time.
 */
@Component
class FetchLease extends ImporterLease {

	FetchLease(JdbcClient jdbc) {
		super(jdbc, "fetch");
	}

}
