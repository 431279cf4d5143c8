package org.end287g.decide;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the directory of who decides, its elections and what refers to them, in an
 * order the foreign keys allow, for every test class that writes to it.
 */
public final class DecideTables {

	private static final String[] TABLES = { "campaign_election_reminders", "decide_candidates", "decide_elections",
			"decide_contacts", "decide_targets", "decide_holders", "decide_offices" };

	private DecideTables() {
	}

	public static void clear(JdbcClient jdbc) {
		for (String table : TABLES) {
			jdbc.sql("delete from " + table).update();
		}
	}

}
