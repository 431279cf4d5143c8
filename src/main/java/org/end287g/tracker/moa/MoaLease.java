package org.end287g.tracker.moa;

import org.end287g.tracker.importing.ImporterLease;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lease on the 'moa' row of importer_lock: one app instance at a time archives ICE's
 * PDFs, apart from the sheet fetch's lease, so a slow PDF never holds up a sheet.
 */
@Component
class MoaLease extends ImporterLease {

	MoaLease(JdbcClient jdbc) {
		super(jdbc, "moa");
	}

}
