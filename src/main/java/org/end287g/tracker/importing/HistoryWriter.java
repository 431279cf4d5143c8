package org.end287g.tracker.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Writes timelines: the agreement rows whose values changed, and the event rows that
 * differ (all of them after a full replay, only the new ones after a resumed one).
 */
class HistoryWriter {

	private final JdbcTemplate template;

	private final ImportState state;

	HistoryWriter(JdbcTemplate template, ImportState state) {
		this.template = template;
		this.state = state;
	}

	/**
	 * Writes a full replay: every stored value and event not in it goes. The importer's
	 * copy of the agreements is forgotten, to be read again.
	 */
	void write(Map<Long, Timeline> timelines) {
		writeAgreements(timelines, stored());
		writeEvents(timelines);
		this.state.forget();
	}

	/**
	 * Writes timelines resumed from {@code before}: their changed rows and their events,
	 * which are all new. Every agreement the sheet lists was last listed by it: the
	 * database derives that from the sheet ({@code agreement_listing}), so only rows that
	 * changed otherwise are written, and the importer's copy takes every timeline as it
	 * now stands.
	 */
	void append(Map<Long, Timeline> timelines, Map<Long, Timeline.Stored> before) {
		Map<Long, Timeline.Stored> listedBefore = new HashMap<>();
		before.forEach((id, stored) -> listedBefore.put(id, withLastListed(stored, timelines.get(id))));
		writeAgreements(timelines, listedBefore);
		List<Object[]> inserts = new ArrayList<>();
		timelines.forEach(
				(agreement, timeline) -> timeline.events.forEach((event) -> inserts.add(values(agreement, event))));
		insertEvents(inserts);
	}

	/**
	 * The stored values as the database now derives them: a listed agreement's last
	 * listing is this sheet, as its timeline says.
	 */
	private static Timeline.Stored withLastListed(Timeline.Stored stored,
			@org.jspecify.annotations.Nullable Timeline timeline) {
		if (timeline == null || timeline.lastListed == null) {
			return stored;
		}
		return stored.listedAt(timeline.lastListed);
	}

	/** The stored timeline of every agreement. */
	private Map<Long, Timeline.Stored> stored() {
		Map<Long, Timeline.Stored> stored = new HashMap<>();
		this.template.query("select a.id, " + Timeline.Stored.COLUMNS + " from " + Timeline.Stored.FROM,
				(RowCallbackHandler) (rs) -> stored.put(rs.getLong(1), Timeline.Stored.read(rs, 2)));
		return stored;
	}

	private void writeAgreements(Map<Long, Timeline> timelines, Map<Long, Timeline.Stored> before) {
		List<Object[]> updates = new ArrayList<>();
		timelines.forEach((id, timeline) -> {
			Timeline.Stored after = timeline.stored();
			if (after.status() != null && before.containsKey(id) && !after.equals(before.get(id))) {
				updates.add(new Object[] { after.status(), after.firstListed(), after.lastListed(),
						after.firstPending(), after.firstParticipating(), after.removedAt(),
						SheetStore.truncate(after.listedAs(), 300), after.inPending(), id });
			}
		});
		this.template.batchUpdate("update agreement set status = ?, first_listed = ?, last_listed = ?, "
				+ "first_pending = ?, first_participating = ?, removed_at = ?, listed_as = ?, in_pending = ? "
				+ "where id = ?", updates);
		timelines.forEach((id, timeline) -> {
			Timeline.Stored after = timeline.stored();
			if (after.status() != null && before.containsKey(id)) {
				this.state.timelineWritten(id, after);
			}
		});
	}

	private void writeEvents(Map<Long, Timeline> timelines) {
		Map<String, Long> existing = new HashMap<>();
		this.template.query("select id, agreement_id, sheet_id, kind, occurred_at  from agreement_event",
				(RowCallbackHandler) (rs) -> existing.put(rs.getLong(2) + "|" + rs.getLong(3) + "|" + rs.getString(4)
						+ "|" + rs.getTimestamp(5).toLocalDateTime(), rs.getLong(1)));
		List<Object[]> inserts = new ArrayList<>();
		timelines.forEach((agreement, timeline) -> {
			for (Timeline.Event event : timeline.events) {
				if (existing.remove(
						agreement + "|" + event.sheetId() + "|" + event.kind() + "|" + event.occurredAt()) == null) {
					inserts.add(values(agreement, event));
				}
			}
		});
		this.template.batchUpdate("delete from agreement_event where id = ?",
				existing.values().stream().map((id) -> new Object[] { id }).toList());
		insertEvents(inserts);
	}

	private static Object[] values(long agreement, Timeline.Event event) {
		return new Object[] { agreement, event.sheetId(), event.kind(), event.occurredAt(),
				SheetStore.truncate(event.detail(), 1000) };
	}

	private void insertEvents(List<Object[]> inserts) {
		this.template.batchUpdate("insert into agreement_event (agreement_id, sheet_id, kind, occurred_at, detail) "
				+ "values (?, ?, ?, ?, ?)", inserts);
	}

}
