package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a broken publication from a list that moved. ICE's lists change every week: the
 * pending list shrinks when ICE signs a batch of agencies (they reappear on the
 * participating list), agencies are renamed, a few are removed. What a broken publication
 * does instead is lose agencies that go nowhere, or rows that cannot be read. Counted in
 * agencies the resolver matched (so a rename or a new model is the same agency), against
 * the previous accepted sheet of the list and the other list's sheets since then. Runs in
 * the import transaction, after the sheet's rows were resolved and written.
 */
@Component
class SheetGuard {

	private static final int MAX_NAMES = 100;

	private final JdbcClient jdbc;

	private final ImportProperties limits;

	private final SheetMembers members;

	SheetGuard(JdbcClient jdbc, ImportProperties limits, SheetMembers members) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.members = members;
	}

	/** The reason to hold the sheet, if any. */
	Optional<SheetHeld.Diff> examine(long sheetId, PreparedSheet sheet, Long[] agreementIds) {
		int rows = sheet.rows().size();
		int unreadable = (int) Arrays.stream(agreementIds).filter(Objects::isNull).count();
		if (rows > 0 && unreadable > rows * this.limits.maxUnreadableShare()) {
			return Optional
				.of(new SheetHeld.Diff(SheetHeld.Reason.UNREADABLE_ROWS, 0, 0, 0, 0, unreadable, rows, List.of()));
		}
		record Previous(long id, LocalDateTime publishedAt) {
		}
		LocalDateTime at = sheet.name().publishedAt();
		Optional<Previous> previous = this.jdbc
			.sql("select id, published_at from ice_sheet where accepted and list = ? and id <> ? and "
					+ "(published_at < ? or (published_at = ? and id < ?)) "
					+ "order by published_at desc, id desc fetch first 1 rows only")
			.params(sheet.name().list(), sheetId, at, at, sheetId)
			.query((rs, n) -> new Previous(rs.getLong(1), rs.getObject(2, LocalDateTime.class)))
			.optional();
		if (previous.isEmpty()) {
			return Optional.empty();
		}
		Set<Long> before = agencies(previous.get().id());
		Set<Long> now = agencies(sheetId);
		Set<Long> other = otherList(sheet.name(), previous.get().publishedAt());
		List<Long> vanished = new ArrayList<>();
		int moved = 0;
		for (Long agency : before) {
			if (!now.contains(agency)) {
				if (other.contains(agency)) {
					moved++;
				}
				else {
					vanished.add(agency);
				}
			}
		}
		int added = (int) now.stream().filter((agency) -> !before.contains(agency)).count();
		if (vanished.size() <= Math.max(this.limits.minVanished(), before.size() * this.limits.maxVanishedShare())) {
			return Optional.empty();
		}
		return Optional.of(new SheetHeld.Diff(SheetHeld.Reason.VANISHED, vanished.size(), moved, added, before.size(),
				unreadable, rows, names(vanished)));
	}

	private Set<Long> agencies(long sheetId) {
		return this.members.of(sheetId).agencies();
	}

	/**
	 * The agencies on the other list's accepted sheets from the one current when the
	 * previous sheet of this list was published onwards: where this list's agencies may
	 * have gone, whichever of the two lists ICE published first.
	 */
	private Set<Long> otherList(SheetFileName sheet, LocalDateTime previous) {
		String other = sheet.participating() ? "PENDING" : "PARTICIPATING";
		LocalDateTime from = this.jdbc
			.sql("select published_at from ice_sheet where accepted and list = ? and published_at <= ? "
					+ "order by published_at desc fetch first 1 rows only")
			.params(other, previous)
			.query((rs, n) -> rs.getObject(1, LocalDateTime.class))
			.optional()
			.orElse(previous);
		Set<Long> agencies = new LinkedHashSet<>();
		this.jdbc.sql("select id from ice_sheet where accepted and list = ? and published_at >= ? order by id")
			.params(other, from)
			.query(Long.class)
			.list()
			.forEach((id) -> agencies.addAll(agencies(id)));
		return agencies;
	}

	private List<String> names(List<Long> agencies) {
		List<String> names = new ArrayList<>();
		for (Long agency : agencies.subList(0, Math.min(MAX_NAMES, agencies.size()))) {
			this.jdbc.sql("select state, name from agency where id = ?")
				.param(agency)
				.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
				.optional()
				.ifPresent(names::add);
		}
		names.sort(String::compareTo);
		return names;
	}

}
