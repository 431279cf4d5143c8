package org.end287g.campaigns;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns for tests that need one without the tracker's data: "test campaign n" is
 * inserted once (safe to ask again) and its real id returned. Also empties the campaign
 * tables in the order their foreign keys need.
 */
public final class TestCampaigns {

	private TestCampaigns() {
	}

	/** The id of the test campaign numbered {@code n}, created when missing. */
	public static long id(JdbcClient jdbc, long n) {
		jdbc.sql("""
				insert into campaigns (slug, agency_slug, state, title, goal, status, created_at)
				values (?, ?, 'NC', ?, 200, 'OPEN', ?) on conflict do nothing""")
			.params("nc-test-campaign-" + n, "test-agency-" + n + "-nc", "Test Campaign " + n,
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return jdbc.sql("select id from campaigns where slug = ?")
			.param("nc-test-campaign-" + n)
			.query(Long.class)
			.single();
	}

	/** Deletes every campaign and what refers to one (signatures, leaders...). */
	public static void clear(JdbcClient jdbc) {
		for (String sql : new String[] { "delete from event_campaigns", "delete from campaign_updates",
				"delete from campaign_deliveries", "delete from campaign_packet_mails",
				"delete from campaign_responses", "delete from leader_training", "delete from leader_applications",
				"delete from signature_counts", "delete from signatures", "delete from signature_invalidations",
				"delete from role_grants where campaign_id is not null", "delete from campaigns" }) {
			jdbc.sql(sql).update();
		}
	}

}
