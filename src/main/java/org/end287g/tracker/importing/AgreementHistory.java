package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Derives every agreement's status, dates and events from the sequence of accepted sheets
 * in publication order, so a sheet imported out of order gives the same result as one
 * imported in order. A sheet published after every other one is applied on top of the
 * stored history (its cost follows the sheet, not the history); any other sheet replays
 * the whole sequence. Only changed rows are written.
 */
@Component
class AgreementHistory {

	record SheetPoint(long id, boolean participating, LocalDateTime publishedAt) {
	}

	/**
	 * What a sheet added and removed; {@code appended} when it was applied on top of the
	 * history (only its agreements changed), false after a replay of every sheet.
	 */
	record Changes(int added, int removed, boolean appended) {
	}

	/** Replay order: time, participating before pending (a move is not a removal), id. */
	static final Comparator<SheetPoint> ORDER = Comparator.comparing(SheetPoint::publishedAt)
		.thenComparing((sheet) -> sheet.participating() ? 0 : 1)
		.thenComparingLong(SheetPoint::id);

	private static final Set<String> ADDED = Set.of("LISTED_PENDING", "LISTED_ACTIVE", "RELISTED");

	private final JdbcClient jdbc;

	private final SheetRows rows;

	private final HistoryWriter writer;

	private final HistoryAppend append;

	private final AtomicLong fullReplays = new AtomicLong();

	AgreementHistory(JdbcClient jdbc, JdbcTemplate template, SheetMembers members, SheetRows rows, SheetStore store,
			ImportState state) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.writer = new HistoryWriter(template, state);
		this.append = new HistoryAppend(jdbc, this.writer, members, store, state);
	}

	/**
	 * Brings the history up to date after the given sheet was stored and says what it
	 * added and removed.
	 */
	Changes recompute(long sheetId) {
		List<SheetPoint> sheets = sheets("published_at >= (select published_at from ice_sheet where id = ?)", sheetId);
		SheetPoint last = sheets.get(sheets.size() - 1);
		Optional<Map<Long, Timeline>> appended = (last.id() == sheetId) ? this.append.apply(last) : Optional.empty();
		return changes(appended.orElseGet(this::replayAll).values(), sheetId, appended.isPresent());
	}

	/**
	 * Replays every accepted sheet and writes the result: the reference the incremental
	 * path must equal, and the repair of a history written before it kept names.
	 */
	Map<Long, Timeline> replayAll() {
		this.fullReplays.incrementAndGet();
		Map<Long, Timeline> timelines = replay(sheets("1 = 1"), this::names);
		this.writer.write(timelines);
		return timelines;
	}

	/** How many times this instance replayed the whole sequence. */
	long fullReplays() {
		return this.fullReplays.get();
	}

	private static Changes changes(Collection<Timeline> timelines, long sheetId, boolean appended) {
		int added = 0;
		int removed = 0;
		for (Timeline timeline : timelines) {
			for (Timeline.Event event : timeline.events) {
				added += (event.sheetId() == sheetId && ADDED.contains(event.kind())) ? 1 : 0;
				removed += (event.sheetId() == sheetId && event.kind().equals("REMOVED")) ? 1 : 0;
			}
		}
		return new Changes(added, removed, appended);
	}

	private List<SheetPoint> sheets(String where, Object... params) {
		return this.jdbc.sql("select id, list, published_at from ice_sheet where accepted and " + where)
			.params(params)
			.query((rs, n) -> new SheetPoint(rs.getLong(1), "PARTICIPATING".equals(rs.getString(2)),
					rs.getObject(3, LocalDateTime.class)))
			.list()
			.stream()
			.sorted(ORDER)
			.toList();
	}

	/**
	 * The agreements a sheet lists and the agency name of the first row listing each,
	 * read one sheet at a time: a long history does not fit in memory at once.
	 */
	private Map<Long, String> names(long sheetId) {
		Map<Long, String> names = new HashMap<>();
		for (SheetRows.Stored row : this.rows.read(sheetId)) {
			if (row.agreementId() != null) {
				names.putIfAbsent(row.agreementId(), Names.tidy(row.agency()));
			}
		}
		return names;
	}

	static Map<Long, Timeline> replay(List<SheetPoint> sheets, Function<Long, Map<Long, String>> members) {
		Map<Long, Timeline> timelines = new HashMap<>();
		Set<Long> active = Set.of();
		Set<Long> pending = Set.of();
		for (SheetPoint sheet : sheets) {
			Map<Long, String> names = members.apply(sheet.id());
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
