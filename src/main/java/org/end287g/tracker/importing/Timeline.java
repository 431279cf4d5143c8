package org.end287g.tracker.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** One agreement's history replayed sheet by sheet, and the events it yields. */
final class Timeline {

	record Event(long sheetId, String kind, LocalDateTime occurredAt, @Nullable String detail) {
	}

	@Nullable String status;

	@Nullable LocalDateTime firstListed;

	@Nullable LocalDateTime lastListed;

	@Nullable LocalDateTime firstPending;

	@Nullable LocalDateTime firstParticipating;

	@Nullable LocalDateTime removedAt;

	/**
	 * Whether the latest pending sheet lists it (the latest participating one lists it
	 * when ACTIVE).
	 */
	boolean inPending;

	final List<Event> events = new ArrayList<>();

	private @Nullable String name;

	/** A timeline that has not seen any sheet yet. */
	Timeline() {
	}

	/**
	 * Picks up a history where the stored agreement row left it, so the next sheet is
	 * applied without replaying the earlier ones; {@link #events} then holds only new
	 * events.
	 */
	static Timeline resume(Stored stored) {
		Timeline timeline = new Timeline();
		timeline.status = stored.status();
		timeline.firstListed = stored.firstListed();
		timeline.lastListed = stored.lastListed();
		timeline.firstPending = stored.firstPending();
		timeline.firstParticipating = stored.firstParticipating();
		timeline.removedAt = stored.removedAt();
		timeline.name = stored.listedAs();
		timeline.inPending = stored.inPending();
		return timeline;
	}

	/**
	 * What an agreement row keeps of its timeline. The last listing is the true one, as
	 * the view {@code agreement_listing} derives it: the row's own column is not moved
	 * while the latest sheet of a list lists the agreement (V60).
	 */
	record Stored(@Nullable String status, @Nullable LocalDateTime firstListed, @Nullable LocalDateTime lastListed,
			@Nullable LocalDateTime firstPending, @Nullable LocalDateTime firstParticipating,
			@Nullable LocalDateTime removedAt, @Nullable String listedAs, boolean inPending) {

		/** The agreements with their last listing: {@code a} and {@code l}. */
		static final String FROM = "agreement a join agreement_listing l on l.id = a.id";

		/**
		 * The columns this history is kept in, in {@link #read}'s order, from
		 * {@link #FROM}.
		 */
		static final String COLUMNS = "a.status, a.first_listed, l.last_listed, a.first_pending, "
				+ "a.first_participating, a.removed_at, a.listed_as, a.in_pending";

		/** The values of {@link #COLUMNS}, selected from column {@code first} on. */
		static Stored read(ResultSet rs, int first) throws SQLException {
			return new Stored(rs.getString(first), rs.getObject(first + 1, LocalDateTime.class),
					rs.getObject(first + 2, LocalDateTime.class), rs.getObject(first + 3, LocalDateTime.class),
					rs.getObject(first + 4, LocalDateTime.class), rs.getObject(first + 5, LocalDateTime.class),
					rs.getString(first + 6), rs.getBoolean(first + 7));
		}

		/** The same history, last listed at {@code at}. */
		Stored listedAt(@Nullable LocalDateTime at) {
			return new Stored(this.status, this.firstListed, at, this.firstPending, this.firstParticipating,
					this.removedAt, this.listedAs, this.inPending);
		}

	}

	/** The values to store; equal to the stored ones when nothing changed. */
	Stored stored() {
		return new Stored(this.status, this.firstListed, this.lastListed, this.firstPending, this.firstParticipating,
				this.removedAt, this.name, this.inPending);
	}

	/** The name the latest sheet that listed this agreement gave its agency. */
	@Nullable String name() {
		return this.name;
	}

	/**
	 * Applies one sheet: {@code listedAs} is the name it lists the agreement under, null
	 * when it does not list it; the flags tell whether the latest sheet of each list
	 * does, after this one.
	 */
	void step(long sheetId, boolean participatingSheet, LocalDateTime at, @Nullable String listedAs, boolean active,
			boolean pending) {
		if (listedAs != null) {
			renamed(sheetId, at, listedAs);
			this.firstListed = (this.firstListed == null) ? at : this.firstListed;
			this.lastListed = at;
			if (participatingSheet && this.firstParticipating == null) {
				this.firstParticipating = at;
			}
			if (!participatingSheet && this.firstPending == null) {
				this.firstPending = at;
			}
		}
		String next = active ? "ACTIVE" : pending ? "PENDING" : (this.status == null) ? null : "REMOVED";
		String event = eventFor(this.status, next);
		if (event != null) {
			this.events.add(new Event(sheetId, event, at, null));
		}
		this.removedAt = "REMOVED".equals(next) ? ("REMOVED".equals(this.status) ? this.removedAt : at) : null;
		this.status = next;
		this.inPending = pending;
	}

	/** The agency's name changed since the last sheet that listed this agreement. */
	private void renamed(long sheetId, LocalDateTime at, String listedAs) {
		// the same text is the same name: most sheets repeat every name unchanged
		if (this.name != null && !this.name.equals(listedAs) && !Names.key(this.name).equals(Names.key(listedAs))) {
			this.events.add(new Event(sheetId, "RENAMED", at, this.name + " → " + listedAs));
		}
		this.name = listedAs;
	}

	private static @Nullable String eventFor(@Nullable String before, @Nullable String after) {
		if (after == null || after.equals(before)) {
			return null;
		}
		if (before == null) {
			return after.equals("ACTIVE") ? "LISTED_ACTIVE" : "LISTED_PENDING";
		}
		return switch (after) {
			case "REMOVED" -> "REMOVED";
			case "ACTIVE" -> before.equals("PENDING") ? "MOVED_TO_ACTIVE" : "RELISTED";
			default -> before.equals("REMOVED") ? "RELISTED" : null;
		};
	}

}
