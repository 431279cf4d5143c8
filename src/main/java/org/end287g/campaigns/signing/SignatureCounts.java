package org.end287g.campaigns.signing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignCounts;
import org.end287g.campaigns.CampaignStatus;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirmed, valid signatures per campaign, kept in {@code signature_counts} over
 * {@value #SHARDS} shards so that concurrent confirmations do not queue on one row: a
 * campaign's count is the sum of its shards. Reads come from a per-instance cache at most
 * {@code end287g.campaigns.count-max-age} old; this instance's own changes show at once.
 * <p>
 * The only place that changes or reads a count: confirmations (online or on paper) call
 * {@link #confirmed}, which also checks the goal, and staff's invalidations call
 * {@link #invalidated}; both join the caller's transaction.
 */
@Component
public class SignatureCounts implements CampaignCounts {

	static final int SHARDS = 16;

	/**
	 * How far below the goal a count must be for the goal check after a confirmation to
	 * be skipped.
	 */
	private static final int NEAR = 64;

	private final JdbcClient jdbc;

	private final SignatureWall wall;

	private final CampaignGoal goal;

	private final long maxAgeNanos;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	SignatureCounts(JdbcClient jdbc, SignatureWall wall, CampaignGoal goal, SignatureSettings settings) {
		this.jdbc = jdbc;
		this.wall = wall;
		this.goal = goal;
		this.maxAgeNanos = settings.countMaxAge().toNanos();
	}

	/**
	 * How old a count read from this instance's caches may be
	 * ({@code end287g.campaigns.count-max-age}); lists that keep counts of their own keep
	 * them no longer.
	 */
	public long maxAgeNanos() {
		return this.maxAgeNanos;
	}

	/** The campaign's count, from the cache when fresh enough. */
	@Override
	public long count(long campaignId) {
		Cached cached = this.cache.get(campaignId);
		if (cached != null && cached.fresh(this.maxAgeNanos)) {
			return cached.count();
		}
		long count = exact(campaignId);
		this.cache.put(campaignId, new Cached(count, System.nanoTime()));
		return count;
	}

	@Override
	public Map<String, Long> byReferral(long campaignId) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select coalesce(referral, '') as code, count(*) as total from signatures
				where campaign_id = ? and confirmed_at is not null and invalidated_at is null group by referral""")
			.param(campaignId)
			.query((rs, n) -> counts.put(rs.getString("code"), rs.getLong("total")))
			.list();
		return counts;
	}

	/**
	 * The counts of several campaigns (0 for none), with one query for those not cached.
	 */
	public Map<Long, Long> counts(Collection<Long> campaignIds) {
		Map<Long, Long> counts = new HashMap<>();
		List<Long> missing = new java.util.ArrayList<>();
		for (Long id : campaignIds) {
			Cached cached = this.cache.get(id);
			if (cached != null && cached.fresh(this.maxAgeNanos)) {
				counts.put(id, cached.count());
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			long now = System.nanoTime();
			for (Long id : missing) {
				counts.put(id, 0L);
			}
			this.jdbc
				.sql("select campaign_id, sum(confirmed) as total from signature_counts where campaign_id in (:ids) "
						+ "group by campaign_id")
				.param("ids", missing)
				.query((rs, n) -> counts.put(rs.getLong("campaign_id"), rs.getLong("total")))
				.list();
			for (Long id : missing) {
				this.cache.put(id, new Cached(counts.getOrDefault(id, 0L), now));
			}
		}
		return counts;
	}

	/**
	 * The count as this transaction sees it, never cached (what the goal check needs).
	 */
	public long exact(long campaignId) {
		return this.jdbc.sql("select coalesce(sum(confirmed), 0) from signature_counts where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
	}

	/** Every campaign's count, never cached (campaigns without signatures are absent). */
	public Map<Long, Long> all() {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.sql("select campaign_id, sum(confirmed) as n from signature_counts group by campaign_id")
			.query((RowCallbackHandler) (rs) -> counts.put(rs.getLong("campaign_id"), rs.getLong("n")));
		return counts;
	}

	/**
	 * Counts {@code n} signatures just confirmed (online or on paper) on a random shard,
	 * drops the campaign's cached wall of signers, and, near the goal of an OPEN campaign
	 * (as read at the start of the request), checks whether this reached it.
	 */
	@Transactional
	void confirmed(Campaign campaign, long n) {
		change(campaign.id(), ThreadLocalRandom.current().nextInt(SHARDS), n);
		this.wall.forget(campaign.id());
		if (campaign.status() != CampaignStatus.OPEN || exact(campaign.id()) < campaign.goal() - NEAR) {
			return;
		}
		// Near the goal, checks are serialised on the campaign's shard 0 (a row lock
		// taken after this transaction's own increment; nothing waits for a shard while
		// holding another lock, so no cycle): of two confirmations committing at once,
		// the later check waits for the other's commit and sees its signature. Not the
		// campaigns row: inserting a shard holds a key-share lock on it, which FOR UPDATE
		// would wait for.
		change(campaign.id(), 0, 0);
		this.goal.check(campaign, exact(campaign.id()));
	}

	/** Takes {@code n} signatures off the count (staff invalidated them), on shard 0. */
	@Transactional
	void invalidated(long campaignId, long n) {
		if (n < 0) {
			throw new IllegalArgumentException("Subtract a positive number");
		}
		change(campaignId, 0, -n);
	}

	/**
	 * Update first; when the shard has no row yet, insert it; when another transaction
	 * inserted it meanwhile, update again. Portable across H2 and PostgreSQL.
	 */
	private void change(long campaignId, int shard, long n) {
		this.cache.remove(campaignId);
		if (update(campaignId, shard, n) == 1) {
			return;
		}
		int inserted;
		try {
			inserted = this.jdbc
				.sql("insert into signature_counts (campaign_id, shard, confirmed) values (?, ?, ?) "
						+ "on conflict do nothing")
				.params(campaignId, shard, n)
				.update();
		}
		catch (DuplicateKeyException raced) {
			// H2 reports a concurrent insert of the same key instead of skipping it
			inserted = 0;
		}
		if (inserted == 0) {
			update(campaignId, shard, n);
		}
	}

	private int update(long campaignId, int shard, long n) {
		return this.jdbc
			.sql("update signature_counts set confirmed = confirmed + ? where campaign_id = ? and shard = ?")
			.params(n, campaignId, shard)
			.update();
	}

	/** Forgets what this instance cached about a campaign. */
	void forget(long campaignId) {
		this.cache.remove(campaignId);
	}

	private record Cached(long count, long readAt) {

		boolean fresh(long maxAgeNanos) {
			return maxAgeNanos > 0 && System.nanoTime() - this.readAt < maxAgeNanos;
		}

	}

}
