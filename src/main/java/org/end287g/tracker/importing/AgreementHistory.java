package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Derives every agreement's status, dates and events from the whole sequence of accepted
 * sheets in publication order, so a sheet imported out of order gives the same result as
 * one imported in order. Only changed rows are written.
 */
@Component
class AgreementHistory {

	record SheetPoint(long id, boolean participating, LocalDateTime publishedAt) {
	}

	record Changes(int added, int removed) {
	}

	private static final Set<String> ADDED = Set.of("LISTED_PENDING", "LISTED_ACTIVE", "RELISTED");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final HistoryWriter writer;

	AgreementHistory(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
		this.writer = new HistoryWriter(jdbc, template);
	}

	/** Recomputes everything and says what the given sheet added and removed. */
	Changes recompute(long sheetId) {
		Map<Long, Timeline> timelines = replay(sheets(), members());
		this.writer.write(timelines);
		int added = 0;
		int removed = 0;
		for (Timeline timeline : timelines.values()) {
			for (Timeline.Event event : timeline.events) {
				added += (event.sheetId() == sheetId && ADDED.contains(event.kind())) ? 1 : 0;
				removed += (event.sheetId() == sheetId && event.kind().equals("REMOVED")) ? 1 : 0;
			}
		}
		return new Changes(added, removed);
	}

	/**
	 * Participating before pending at the same time, so a move does not look like a
	 * removal.
	 */
	private List<SheetPoint> sheets() {
		return this.jdbc
			.sql("select id, list, published_at from ice_sheet where accepted order by published_at, "
					+ "case when list = 'PARTICIPATING' then 0 else 1 end, id")
			.query((rs, n) -> new SheetPoint(rs.getLong(1), "PARTICIPATING".equals(rs.getString(2)),
					rs.getObject(3, LocalDateTime.class)))
			.list();
	}

	/** Per sheet, the agreements it lists and the agency name it lists them under. */
	private Map<Long, Map<Long, String>> members() {
		Map<Long, Map<Long, String>> members = new HashMap<>();
		this.template.query("select sheet_id, agreement_id, raw_agency from sheet_row where agreement_id is not null",
				(RowCallbackHandler) (rs) -> members.computeIfAbsent(rs.getLong(1), (k) -> new HashMap<>())
					.putIfAbsent(rs.getLong(2), Names.tidy(rs.getString(3))));
		return members;
	}

	static Map<Long, Timeline> replay(List<SheetPoint> sheets, Map<Long, Map<Long, String>> members) {
		Map<Long, Timeline> timelines = new HashMap<>();
		Set<Long> active = Set.of();
		Set<Long> pending = Set.of();
		for (SheetPoint sheet : sheets) {
			Map<Long, String> names = members.getOrDefault(sheet.id(), Map.of());
			Set<Long> listed = names.keySet();
			Set<Long> touched = new LinkedHashSet<>(sheet.participating() ? active : pending);
			touched.addAll(listed);
			if (sheet.participating()) {
				active = listed;
			}
			else {
				pending = listed;
			}
			for (Long agreement : touched) {
				timelines.computeIfAbsent(agreement, (k) -> new Timeline())
					.step(sheet.id(), sheet.participating(), sheet.publishedAt(), names.get(agreement),
							active.contains(agreement), pending.contains(agreement));
			}
		}
		return timelines;
	}

}
