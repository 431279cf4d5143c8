package org.end287g.campaigns.lifecycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.end287g.campaigns.CampaignStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every move of a campaign between statuses: reaching the goal, a possible win and its
 * withdrawal, the close. Each move is one conditional UPDATE from the statuses it may
 * leave, so of two requests making the same move at once (on any instances) exactly one
 * changes the row and is told so; the other does nothing more. Each joins the caller's
 * transaction.
 */
@Component
public class CampaignLifecycle {

	/** The longest note written with an outcome, by staff or by leaders. */
	public static final int MAX_NOTE = 2000;

	private static final List<String> GATHERING = Arrays.stream(CampaignStatus.values())
		.filter(CampaignStatus::gathering)
		.map(CampaignStatus::name)
		.toList();

	private final JdbcClient jdbc;

	private final Clock clock;

	CampaignLifecycle(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** OPEN to READY, when {@code count} signatures reach the campaign's goal. */
	public boolean reachGoal(long campaignId, long count) {
		return this.jdbc
			.sql("update campaigns set status = ?, goal_reached_at = ? where id = ? and status = ? and goal <= ?")
			.params(CampaignStatus.READY.name(), now(), campaignId, CampaignStatus.OPEN.name(), count)
			.update() == 1;
	}

	/**
	 * OPEN or READY ({@code from}, as the caller read it) to POSSIBLE_WIN: the agency no
	 * longer has a listed agreement.
	 */
	public boolean possibleWin(long campaignId, CampaignStatus from) {
		if (!from.gathering() || from == CampaignStatus.POSSIBLE_WIN) {
			throw new IllegalArgumentException("A possible win starts from OPEN or READY");
		}
		return this.jdbc.sql("update campaigns set status = ?, possible_win_at = ? where id = ? and status = ?")
			.params(CampaignStatus.POSSIBLE_WIN.name(), now(), campaignId, from.name())
			.update() == 1;
	}

	/**
	 * POSSIBLE_WIN back to READY when the goal had been reached, else OPEN: the agency's
	 * agreements are listed again.
	 */
	public boolean withdrawPossibleWin(long campaignId) {
		return this.jdbc.sql("""
				update campaigns set status = case when goal_reached_at is not null then ? else ? end,
				possible_win_at = null where id = ? and status = ?""")
			.params(CampaignStatus.READY.name(), CampaignStatus.OPEN.name(), campaignId,
					CampaignStatus.POSSIBLE_WIN.name())
			.update() == 1;
	}

	/**
	 * Closes a gathering campaign as WON or LOST.
	 * @return when it closed; empty when it no longer gathered (closed by someone else)
	 */
	public Optional<OffsetDateTime> close(long campaignId, CampaignStatus outcome, @Nullable String note,
			String actor) {
		if (outcome.gathering()) {
			throw new IllegalArgumentException("A campaign closes as WON or LOST");
		}
		return closeFrom(GATHERING, campaignId, outcome, note, actor);
	}

	/**
	 * Staff confirm a possible win: POSSIBLE_WIN to WON.
	 * @return when it closed; empty when it was no longer a possible win
	 */
	public Optional<OffsetDateTime> confirmWin(long campaignId, @Nullable String note, String actor) {
		return closeFrom(List.of(CampaignStatus.POSSIBLE_WIN.name()), campaignId, CampaignStatus.WON, note, actor);
	}

	private Optional<OffsetDateTime> closeFrom(List<String> from, long campaignId, CampaignStatus outcome,
			@Nullable String note, String actor) {
		OffsetDateTime now = now();
		int updated = this.jdbc.sql("""
				update campaigns set status = :status, closed_at = :now, closed_by = :actor, outcome_note = :note
				where id = :id and status in (:from)""")
			.param("status", outcome.name())
			.param("now", now)
			.param("actor", actor)
			.param("note", note)
			.param("id", campaignId)
			.param("from", from)
			.update();
		return (updated == 1) ? Optional.of(now) : Optional.empty();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
