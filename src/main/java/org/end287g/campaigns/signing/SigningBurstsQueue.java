package org.end287g.campaigns.signing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.end287g.StaffQueue;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the staff home: the campaigns whose burst report ({@link SignatureChecks#bursts}),
 * of the signatures not invalidated, flags a minute of the last 24 hours, each linked to
 * its signatures page, where staff look and may invalidate them. Only campaigns with at
 * least {@link SignatureChecks#BURST_FLOOR} signatures in the window can have one, so
 * only those are checked (counted through the index on campaign and time), the busiest
 * first.
 */
@Component
@Order(30)
class SigningBurstsQueue implements StaffQueue {

	/** The most campaigns checked for bursts in one showing of the page. */
	static final int MOST = 50;

	private final JdbcClient jdbc;

	private final SignatureChecks checks;

	private final Clock clock;

	SigningBurstsQueue(JdbcClient jdbc, SignatureChecks checks, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.checks = checks;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** A campaign busy enough in the window to be checked. */
	private record Busy(long id, String slug, String title) {
	}

	@Override
	public List<WaitingWork> waiting() {
		OffsetDateTime to = OffsetDateTime.now(this.clock)
			.withOffsetSameInstant(ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES)
			.plusMinutes(1);
		OffsetDateTime from = to.minusHours(24);
		List<Busy> busy = this.jdbc.sql("""
				select id, slug, title, n from (
					select c.id, c.slug, c.title, (select count(*) from signatures s
						where s.campaign_id = c.id and s.created_at >= ? and s.created_at < ?
						and s.invalidated_at is null) as n
					from campaigns c) counted
				where n >= ? order by n desc, id limit ?""")
			.params(from, to, SignatureChecks.BURST_FLOOR, MOST)
			.query((rs, n) -> new Busy(rs.getLong("id"), rs.getString("slug"), rs.getString("title")))
			.list();
		List<Case> flagged = new ArrayList<>();
		for (Busy campaign : busy) {
			if (this.checks.bursts(campaign.id(), from, to, true)
				.minutes()
				.stream()
				.anyMatch(SignatureChecks.Minute::flagged)) {
				flagged.add(new Case(campaign.title(), "/admin/campaigns/" + campaign.slug() + "/signatures"));
			}
		}
		return List.of(new WaitingWork("admin.home.work.signingBursts", flagged.size(), "/admin/campaigns", flagged));
	}

}
