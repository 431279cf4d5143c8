package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes replayed timelines: changed agreements, and the event rows that differ. */
class HistoryWriter {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	HistoryWriter(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void write(Map<Long, Timeline> timelines) {
		writeAgreements(timelines);
		writeEvents(timelines);
	}

	private void writeAgreements(Map<Long, Timeline> timelines) {
		List<Object[]> updates = new ArrayList<>();
		this.template.query("select id, status, first_listed, last_listed, first_pending, first_participating, "
				+ "removed_at from agreement", (rs) -> {
					Timeline t = timelines.get(rs.getLong(1));
					if (t == null || t.status == null) {
						return;
					}
					boolean same = t.status.equals(rs.getString(2)) && same(t.firstListed, rs.getObject(3))
							&& same(t.lastListed, rs.getObject(4)) && same(t.firstPending, rs.getObject(5))
							&& same(t.firstParticipating, rs.getObject(6)) && same(t.removedAt, rs.getObject(7));
					if (!same) {
						updates.add(new Object[] { t.status, t.firstListed, t.lastListed, t.firstPending,
								t.firstParticipating, t.removedAt, rs.getLong(1) });
					}
				});
		this.template.batchUpdate("update agreement set status = ?, first_listed = ?, last_listed = ?, "
				+ "first_pending = ?, first_participating = ?, removed_at = ? where id = ?", updates);
	}

	private static boolean same(@Nullable LocalDateTime value, @Nullable Object stored) {
		LocalDateTime storedTime = (stored instanceof java.sql.Timestamp ts) ? ts.toLocalDateTime()
				: (LocalDateTime) stored;
		return Objects.equals(value, storedTime);
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
					inserts.add(new Object[] { agreement, event.sheetId(), event.kind(), event.occurredAt(),
							SheetStore.truncate(event.detail(), 1000) });
				}
			}
		});
		this.template.batchUpdate("delete from agreement_event where id = ?",
				existing.values().stream().map((id) -> new Object[] { id }).toList());
		this.template.batchUpdate("insert into agreement_event (agreement_id, sheet_id, kind, occurred_at, detail) "
				+ "values (?, ?, ?, ?, ?)", inserts);
	}

}
