package org.end287g.campaigns.pages;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementFilter;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every campaign with its target, its count and whether it has a leader, read with two
 * queries and kept in memory at most {@code end287g.campaigns.count-max-age}: the lists,
 * the tracker's calls and the home page read this board, never a query per campaign.
 * While one request reloads a stale board, the others go on reading the previous one.
 */
@Component
class CampaignBoard {

	private static final String ROWS = """
			select c.id, c.slug, c.agency_slug, c.state, c.title, c.goal, c.status, c.closed_at,
			       exists (select 1 from role_grants g where g.role = 'LEADER' and g.campaign_id = c.id
			               and g.revoked_at is null) as led
			from campaigns c""";

	private final JdbcClient jdbc;

	private final TrackerReader tracker;

	private final Places places;

	private final SignatureCounts counts;

	private final ReentrantLock loading = new ReentrantLock();

	private volatile @Nullable Snapshot snapshot;

	CampaignBoard(JdbcClient jdbc, TrackerReader tracker, Places places, SignatureCounts counts) {
		this.jdbc = jdbc;
		this.tracker = tracker;
		this.places = places;
		this.counts = counts;
	}

	/** Every campaign, in no particular order. */
	List<Entry> entries() {
		return current().entries();
	}

	/** The campaign of the agency with this tracker slug, if any. */
	@Nullable Entry forAgency(String agencySlug) {
		return current().byAgency().get(agencySlug);
	}

	private Snapshot current() {
		long asked = System.nanoTime();
		Snapshot known = this.snapshot;
		long maxAge = this.counts.maxAgeNanos();
		if (known != null && asked - known.readAt() < maxAge) {
			return known;
		}
		if (known != null && maxAge > 0) {
			if (!this.loading.tryLock()) {
				return known;
			}
		}
		else {
			this.loading.lock();
		}
		try {
			Snapshot meanwhile = this.snapshot;
			// another request began reading after this one asked: as fresh as needed
			if (meanwhile != null && meanwhile.readAt() - asked >= 0) {
				return meanwhile;
			}
			Snapshot loaded = load();
			this.snapshot = loaded;
			return loaded;
		}
		finally {
			this.loading.unlock();
		}
	}

	private Snapshot load() {
		long readAt = System.nanoTime();
		Map<String, AgencyView> agencies = new HashMap<>();
		for (AgreementView agreement : this.tracker.agreements(AgreementFilter.all())) {
			agencies.putIfAbsent(agreement.agency().slug(), agreement.agency());
		}
		Map<Long, Long> counted = this.counts.all();
		List<Entry> entries = new ArrayList<>();
		Map<String, Entry> byAgency = new HashMap<>();
		this.jdbc.sql(ROWS).query((rs, n) -> {
			String agencySlug = rs.getString("agency_slug");
			String state = rs.getString("state");
			AgencyView agency = agencies.get(agencySlug);
			County county = (agency != null && agency.county() != null)
					? this.places.county(agency.county().fips()).orElse(null) : null;
			Entry entry = new Entry(rs.getLong("id"), rs.getString("slug"), agencySlug,
					(agency != null) ? agency.name() : rs.getString("title"), county, state,
					this.places.state(state).map(State::name).orElse(state), rs.getInt("goal"),
					CampaignStatus.valueOf(rs.getString("status")), counted.getOrDefault(rs.getLong("id"), 0L),
					rs.getBoolean("led"), rs.getObject("closed_at", OffsetDateTime.class));
			entries.add(entry);
			byAgency.put(agencySlug, entry);
			return entry;
		}).list();
		return new Snapshot(List.copyOf(entries), Map.copyOf(byAgency), readAt);
	}

	private record Snapshot(List<Entry> entries, Map<String, Entry> byAgency, long readAt) {
	}

	/**
	 * One campaign on the board: {@code name} is its agency's name now (the campaign's
	 * title when the tracker no longer lists the agency), {@code county} its agency's
	 * county when known.
	 */
	record Entry(long id, String slug, String agencySlug, String name, @Nullable County county, String state,
			String stateName, int goal, CampaignStatus status, long signatures, boolean led,
			@Nullable OffsetDateTime closedAt) {

		boolean gathering() {
			return this.status.gathering();
		}

		boolean needsLeader() {
			return this.status == CampaignStatus.OPEN && !this.led;
		}

		/** How far along the goal, 1 at the goal. */
		double share() {
			return (double) this.signatures / this.goal;
		}

		/**
		 * When the campaign closed, in seconds since 1970; {@code Long.MIN_VALUE} if
		 * never.
		 */
		long closedEpochSecond() {
			OffsetDateTime closed = this.closedAt;
			return (closed != null) ? closed.toEpochSecond() : Long.MIN_VALUE;
		}

		/** "Gaston County, NC", or the state's name when the county is unknown. */
		String place() {
			return (this.county != null) ? this.county.name() + ", " + this.state : this.stateName;
		}

		CampaignViews.CampaignView view() {
			return new CampaignViews.CampaignView(this.slug, this.name, new CampaignViews.Target(this.name,
					(this.county != null) ? this.county.name() : null, this.state, this.stateName, this.agencySlug),
					this.goal, this.signatures, this.status.name());
		}

	}

}
