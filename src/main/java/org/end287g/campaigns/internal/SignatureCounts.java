package org.end287g.campaigns.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The confirmed, valid count of campaigns: the sum of a campaign's shards in
 * {@code signature_counts}. The one place this part of the module reads or changes
 * counts, so it can follow the signing part's own API once both are merged.
 */
@Component
class SignatureCounts {

	private final JdbcClient jdbc;

	SignatureCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count(long campaignId) {
		return this.jdbc.sql("select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
	}

	/** Every campaign's count (campaigns without signatures are absent). */
	Map<Long, Long> all() {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.sql("select campaign_id, sum(confirmed) as n from signature_counts group by campaign_id")
			.query((rs) -> {
				counts.put(rs.getLong("campaign_id"), rs.getLong("n"));
			});
		return counts;
	}

	/**
	 * Takes invalidated signatures off the count (shard 0, created when missing), in the
	 * caller's transaction.
	 */
	void subtract(long campaignId, long n) {
		if (n == 0) {
			return;
		}
		try {
			this.jdbc.sql(
					"insert into signature_counts (campaign_id, shard, confirmed) values (?, 0, 0) on conflict do nothing")
				.param(campaignId)
				.update();
		}
		catch (DuplicateKeyException raced) {
			// another transaction created the shard first: update it below
		}
		this.jdbc.sql("update signature_counts set confirmed = confirmed - ? where campaign_id = ? and shard = 0")
			.params(n, campaignId)
			.update();
	}

}
