package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** One agreement's history replayed sheet by sheet, and the events it yields. */
final class Timeline {

	record Event(long sheetId, String kind, LocalDateTime occurredAt, String detail) {
	}

	String status;

	LocalDateTime firstListed;

	LocalDateTime lastListed;

	LocalDateTime firstPending;

	LocalDateTime firstParticipating;

	LocalDateTime removedAt;

	final List<Event> events = new ArrayList<>();

	private String name;

	/**
	 * Applies one sheet: {@code listedHere} says whether it lists the agreement; the
	 * flags tell whether the latest sheet of each list does, after this one.
	 */
	void step(long sheetId, boolean participatingSheet, LocalDateTime at, String listedAs, boolean active,
			boolean pending) {
		boolean listedHere = listedAs != null;
		if (listedHere) {
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
		this.removedAt = "REMOVED".equals(next) ? (("REMOVED".equals(this.status)) ? this.removedAt : at) : null;
		this.status = next;
	}

	/** The agency's name changed since the last sheet that listed this agreement. */
	private void renamed(long sheetId, LocalDateTime at, String listedAs) {
		if (this.name != null && !Names.key(this.name).equals(Names.key(listedAs))) {
			this.events.add(new Event(sheetId, "RENAMED", at, this.name + " → " + listedAs));
		}
		this.name = listedAs;
	}

	private static String eventFor(String before, String after) {
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
