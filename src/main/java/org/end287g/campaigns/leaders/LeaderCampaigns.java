package org.end287g.campaigns.leaders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.end287g.audit.AuditLog;
import org.end287g.campaigns.LeaderChecklist;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What leaders change on their campaign (petition, goal, deadline) and their training
 * checklist; each change audited in its transaction.
 */
@Component
class LeaderCampaigns implements LeaderChecklist {

	/**
	 * The training checklist, each step with the page behind it ({@code {id}}: the
	 * campaign's id): the lessons, the share links, the paper signatures, a new event,
	 * and the lesson on delivering the petition.
	 */
	static final List<Checkpoint> CHECKLIST = List.of(
			new Checkpoint(LeaderChecklist.READ_GUIDE, "/leader/campaigns/{id}/lessons"),
			new Checkpoint("share-page", "/leader/campaigns/{id}/toolkit"),
			new Checkpoint("gather-signatures", "/leader/campaigns/{id}/paper"),
			new Checkpoint("plan-event", "/leader/events/new"),
			new Checkpoint("plan-delivery", "/leader/campaigns/{id}/lessons/delivering-a-petition"));

	/** The ids of the checklist's steps, in order. */
	static final List<String> STEPS = CHECKLIST.stream().map(Checkpoint::id).toList();

	/** A step of the checklist and the path of its page. */
	record Checkpoint(String id, String path) {

		/** The step's page for this campaign. */
		String link(long campaignId) {
			return this.path.replace("{id}", Long.toString(campaignId));
		}

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	LeaderCampaigns(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The leader's text in a language, or {@code null} text for the sample again. */
	@Transactional
	void petition(String actor, long campaignId, @Nullable String language, @Nullable String text) {
		this.jdbc.sql("""
				update campaigns set petition_language = ?, petition_text = ?, petition_updated_at = ? where id = ?""")
			.param((text != null) ? language : null)
			.param(text)
			.params(OffsetDateTime.now(ZoneOffset.UTC), campaignId)
			.update();
		this.audit.record(actor, "campaign.petition", Long.toString(campaignId),
				(text != null) ? "language=" + language + " chars=" + text.length() : "sample");
	}

	@Transactional
	void goal(String actor, long campaignId, int goal, @Nullable LocalDate deadline) {
		this.jdbc.sql("update campaigns set goal = ?, deadline = ? where id = ?")
			.param(goal)
			.param(deadline)
			.param(campaignId)
			.update();
		this.audit.record(actor, "campaign.goal", Long.toString(campaignId), "goal=" + goal + " deadline=" + deadline);
	}

	/** The steps of the checklist this leader did (steps no longer on it left out). */
	Set<String> done(String accountId, long campaignId) {
		return this.jdbc.sql("select step from leader_training where account_id = ? and campaign_id = ?")
			.params(accountId, campaignId)
			.query(String.class)
			.list()
			.stream()
			.filter(STEPS::contains)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public void complete(String accountId, long campaignId, String step) {
		step(accountId, campaignId, step, true);
	}

	/** Marks a step done or not done; idempotent, safe on several instances. */
	@Transactional
	void step(String accountId, long campaignId, String step, boolean done) {
		if (!STEPS.contains(step)) {
			throw new IllegalArgumentException("unknown step");
		}
		if (done) {
			this.jdbc.sql("""
					insert into leader_training (account_id, campaign_id, step, completed_at)
					values (?, ?, ?, ?) on conflict do nothing""")
				.params(accountId, campaignId, step, OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		else {
			this.jdbc.sql("delete from leader_training where account_id = ? and campaign_id = ? and step = ?")
				.params(accountId, campaignId, step)
				.update();
		}
	}

}
