package org.end287g.tracker.importing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies the sheet that comes last in publication order on top of the stored history: it
 * reads that sheet, the previous sheet of each list and the rows of the agreements they
 * list, so a thousand sheets of history cost no more than one. Declines (the caller
 * replays everything) when a listed agreement has history but no stored name, as after an
 * upgrade.
 */
class HistoryAppend {

	private final JdbcClient jdbc;

	private final HistoryWriter writer;

	private final SheetMembers members;

	private final SheetStore store;

	private final ImportState state;

	HistoryAppend(JdbcClient jdbc, HistoryWriter writer, SheetMembers members, SheetStore store, ImportState state) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.members = members;
		this.store = store;
		this.state = state;
	}

	/** The timelines the sheet touched, holding only its events; written. */
	Optional<Map<Long, Timeline>> apply(AgreementHistory.SheetPoint sheet) {
		Map<Long, String> names = this.members.of(sheet.id()).names();
		Set<Long> sameList = previous(sheet, sheet.participating());
		Set<Long> otherList = previous(sheet, !sheet.participating());
		Set<Long> active = sheet.participating() ? names.keySet() : otherList;
		Set<Long> pending = sheet.participating() ? otherList : names.keySet();
		Set<Long> touched = new LinkedHashSet<>(sameList);
		touched.addAll(names.keySet());
		Map<Long, Timeline.Stored> before = this.state.timelines(touched);
		Set<Long> fresh = new HashSet<>();
		for (Long id : touched) {
			Timeline.Stored stored = before.get(id);
			if (stored == null || stored.listedAs() == null) {
				if (sameList.contains(id) || otherList.contains(id)) {
					return Optional.empty();
				}
				fresh.add(id);
			}
		}
		if (!fresh.isEmpty() && hasEvents(fresh)) {
			return Optional.empty();
		}
		Map<Long, Timeline> timelines = new LinkedHashMap<>();
		for (Long id : touched) {
			Timeline timeline = fresh.contains(id) ? new Timeline()
					: Timeline.resume(Objects.requireNonNull(before.get(id), "a stored name, so a stored row"));
			timeline.step(sheet.id(), sheet.participating(), sheet.publishedAt(), names.get(id), active.contains(id),
					pending.contains(id));
			timelines.put(id, timeline);
		}
		this.writer.append(timelines, before);
		return Optional.of(timelines);
	}

	/** What the latest other accepted sheet of a list lists. */
	private Set<Long> previous(AgreementHistory.SheetPoint sheet, boolean participating) {
		return this.store.latestAccepted(participating ? "PARTICIPATING" : "PENDING", sheet.id())
			.map((id) -> this.members.of(id).agreements())
			.orElse(Set.of());
	}

	private boolean hasEvents(Set<Long> agreements) {
		List<Long> ids = List.copyOf(agreements);
		for (int from = 0; from < ids.size(); from += 500) {
			if (this.jdbc.sql("select count(*) from agreement_event where agreement_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.query(Long.class)
				.single() > 0) {
				return true;
			}
		}
		return false;
	}

}
