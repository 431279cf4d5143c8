package org.end287g.campaigns.signing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.AccountDirectory.Recipient;
import org.end287g.campaigns.Campaign;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A campaign whose count reaches its goal while OPEN becomes READY to deliver: one
 * conditional UPDATE decides which request wins (on any instance), and the winner mails
 * the campaign's leaders and national staff in the same transaction.
 * <p>
 * Two confirmations committing at once could each miss the other's signature; near the
 * goal the check is therefore serialised on the campaign's row (see {@link #check}).
 */
@Component
class CampaignGoal {

	/**
	 * How far below the goal a count must be for the check after commit to be skipped.
	 */
	private static final int NEAR = 64;

	private final JdbcClient jdbc;

	private final SignatureCounts counts;

	private final AccountDirectory directory;

	private final Outbox outbox;

	private final SignatureSettings settings;

	private final Clock clock;

	CampaignGoal(JdbcClient jdbc, SignatureCounts counts, AccountDirectory directory, Outbox outbox,
			SignatureSettings settings, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.directory = directory;
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Called in the transaction that just added signatures to an OPEN campaign (as read
	 * at the start of the request).
	 */
	void check(Campaign campaign) {
		if (!Campaign.OPEN.equals(campaign.status())) {
			return;
		}
		if (this.counts.exact(campaign.id()) < campaign.goal() - NEAR) {
			return;
		}
		// Near the goal, checks are serialised on the campaign's shard 0 (a row lock
		// taken
		// after this transaction's own increment; nothing waits for a shard while holding
		// another lock, so no cycle): of two confirmations committing at once, the later
		// check waits for the other's commit and sees its signature. Not the campaigns
		// row:
		// inserting a shard holds a key-share lock on it, which FOR UPDATE would wait
		// for.
		this.counts.lock(campaign.id());
		Map<String, Object> current = this.jdbc.sql("select status, goal from campaigns where id = ?")
			.param(campaign.id())
			.query()
			.singleRow();
		long goal = ((Number) current.get("goal")).longValue();
		if (!Campaign.OPEN.equals(current.get("status"))) {
			return;
		}
		long count = this.counts.exact(campaign.id());
		if (count >= goal) {
			reach(campaign, count);
		}
	}

	private void reach(Campaign campaign, long count) {
		int won = this.jdbc
			.sql("update campaigns set status = ?, goal_reached_at = ? where id = ? and status = ? and goal <= ?")
			.params(Campaign.READY, OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC), campaign.id(),
					Campaign.OPEN, count)
			.update();
		if (won != 1) {
			return;
		}
		Map<String, Recipient> recipients = new LinkedHashMap<>();
		for (List<Recipient> group : List.of(this.directory.leadersOf(campaign.id()), this.directory.admins())) {
			for (Recipient recipient : group) {
				recipients.putIfAbsent(recipient.email().toLowerCase(java.util.Locale.ROOT), recipient);
			}
		}
		String link = this.settings.baseUrl() + "/campaigns/" + campaign.slug();
		for (Recipient recipient : recipients.values()) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("campaign", campaign.title());
			model.put("goal", campaign.goal());
			model.put("count", count);
			model.put("link", link);
			model.put("leaderLink", this.settings.baseUrl() + "/leader/campaigns/" + campaign.id());
			model.put("subjectArgs", List.of(campaign.title()));
			this.outbox
				.enqueue(Mail.transactional(recipient.email(), recipient.language(), "campaign-goal-reached", model));
		}
	}

}
