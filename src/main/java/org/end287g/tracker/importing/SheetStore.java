package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.end287g.tracker.SheetSource;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Repository;

/** The ice_sheet table, and the rows of its sheets through {@link SheetRows}. */
@Repository
class SheetStore {

	private static final String SNAPSHOT = "select id, list, published_at, file_name, sha256, row_count, "
			+ "listed_count, accepted, reject_reason, source, review, held_reason, held_vanished, held_moved, "
			+ "held_added, held_names, date_source from ice_sheet";

	/** The longest agency name a stored row keeps. */
	static final int AGENCY_CHARS = 300;

	private final JdbcClient jdbc;

	private final SheetMembers members;

	private final SheetRows rows;

	private final ImportState state;

	SheetStore(JdbcClient jdbc, SheetMembers members, SheetRows rows, ImportState state) {
		this.jdbc = jdbc;
		this.members = members;
		this.rows = rows;
		this.state = state;
	}

	/** Blocks until no other import (in any app instance) is running. */
	void lockImports() {
		this.jdbc.sql("select name from importer_lock where name = 'import' for update").query(String.class).list();
	}

	boolean contains(String sha256, SheetFileName name) {
		return this.jdbc.sql("select count(*) from ice_sheet where sha256 = ? and list = ? and published_at = ?")
			.params(sha256, name.list(), name.publishedAt())
			.query(Long.class)
			.single() > 0;
	}

	/** The snapshot with these bytes, list and publication date, if offered before. */
	Optional<SheetSnapshot> find(String sha256, SheetFileName name) {
		return this.jdbc.sql(SNAPSHOT + " where sha256 = ? and list = ? and published_at = ?")
			.params(sha256, name.list(), name.publishedAt())
			.query(SheetStore::snapshot)
			.optional();
	}

	Optional<SheetSnapshot> find(long id) {
		return this.jdbc.sql(SNAPSHOT + " where id = ?").param(id).query(SheetStore::snapshot).optional();
	}

	/** The workbook of a sheet still held for staff. */
	Optional<byte[]> heldContent(long id) {
		return this.jdbc.sql("select held_content from ice_sheet where id = ? and review = 'HELD'")
			.param(id)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.filter(Objects::nonNull);
	}

	/**
	 * Marks a stored (refused) snapshot as held, with what it would change and its
	 * workbook.
	 */
	void hold(long id, SheetHeld.Diff diff, byte[] content) {
		this.jdbc
			.sql("update ice_sheet set review = 'HELD', held_reason = ?, held_vanished = ?, held_moved = ?, "
					+ "held_added = ?, held_names = ?, held_content = ? where id = ?")
			.params(diff.reason().name(), diff.vanished(), diff.moved(), diff.added(),
					truncate(String.join("\n", diff.names()), 4000), content, id)
			.update();
	}

	/**
	 * Staff's decision on a held sheet: accepted (it joins the history) or rejected.
	 * False when it is not held (any more).
	 */
	boolean decide(long id, boolean accept) {
		return this.jdbc
			.sql("update ice_sheet set review = ?, accepted = ?, reject_reason = "
					+ "(case when ? then null else reject_reason end), held_content = null "
					+ "where id = ? and review = 'HELD'")
			.params(accept ? "ACCEPTED" : "REJECTED", accept, accept, id)
			.update() == 1;
	}

	boolean hasSample() {
		return this.jdbc.sql("select count(*) from ice_sheet where source = 'SAMPLE'").query(Long.class).single() > 0;
	}

	boolean isEmpty() {
		return this.jdbc.sql("select count(*) from ice_sheet").query(Long.class).single() == 0;
	}

	/**
	 * Whether a sheet was ever offered other than as data shipped with the app (first
	 * start, or the sample of earlier versions).
	 */
	boolean hasImportedSheets() {
		return this.jdbc.sql("select count(*) from ice_sheet where source not in ('FIRST_START', 'SAMPLE')")
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the latest accepted participating sheet is the one shipped for the first
	 * start: what the site shows is still that data.
	 */
	boolean latestIsFirstStart() {
		return this.jdbc
			.sql("select source from ice_sheet where list = 'PARTICIPATING' and accepted "
					+ "order by published_at desc, id desc fetch first 1 rows only")
			.query(String.class)
			.optional()
			.filter(SheetSource.FIRST_START.name()::equals)
			.isPresent();
	}

	/** Stores a sheet: accepted without a reject reason ({@code null}), else refused. */
	long insert(SheetFileName name, String fileName, String sha256, int rows, SheetSource source,
			@Nullable String rejectReason) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into ice_sheet (list, published_at, file_name, sha256, row_count, accepted, reject_reason, "
					+ "source, imported_at, date_source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(name.list(), name.publishedAt(), truncate(fileName, 255), sha256, rows, rejectReason == null)
			.param(truncate(rejectReason, 2000))
			.params(source.name(), OffsetDateTime.now(ZoneOffset.UTC), name.dateSource().name())
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Number.class), "the insert returned no id").longValue();
	}

	/**
	 * Writes the sheet's rows with the agreement and agency each resolved to (null for
	 * none), and keeps what it lists for the rest of the import.
	 */
	void insertRows(long sheetId, PreparedSheet sheet, Long[] agreementIds, Long[] agencyIds) {
		List<CleanRow> rows = sheet.rows();
		List<SheetMembers.Member> listed = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Long agreement = agreementIds[i];
			Long agency = agencyIds[i];
			if (agreement != null && agency != null) {
				RawRow raw = rows.get(i).raw();
				// the cleaned name (shared by every sheet that repeats the row) unless
				// the stored cell was cut short
				String name = (raw.agency() == null || raw.agency().length() <= AGENCY_CHARS) ? rows.get(i).name()
						: Names.tidy(truncate(raw.agency(), AGENCY_CHARS));
				listed.add(new SheetMembers.Member(agreement, agency, name, truncate(raw.signed(), 100)));
			}
		}
		this.rows.write(sheetId, sheet.storedParts(), Arrays.asList(agreementIds));
		this.members.remember(sheetId, SheetMembers.Listing.of(listed));
	}

	/**
	 * The latest accepted sheet of the list other than {@code except} (0 to except none:
	 * no sheet has that id).
	 */
	Optional<Long> latestAccepted(String list, long except) {
		return this.jdbc
			.sql("select id from ice_sheet where accepted and list = ? and id <> ? "
					+ "order by published_at desc, id desc fetch first 1 rows only")
			.params(list, except)
			.query(Long.class)
			.optional();
	}

	void setListedCount(long sheetId, int listed) {
		this.jdbc.sql("update ice_sheet set listed_count = ? where id = ?").params(listed, sheetId).update();
	}

	/**
	 * Removes every tracker row: used only while the database holds nothing but the
	 * four-agency sample of earlier versions.
	 */
	void deleteAll() {
		this.rows.deleteAll();
		for (String table : List.of("agreement_event", "agreement", "agency_name", "agency", "ice_sheet")) {
			this.jdbc.sql("delete from " + table).update();
		}
		this.members.forgetAll();
		this.state.forget();
	}

	/** One page of the sheets, newest publication first: a long history has thousands. */
	List<SheetSnapshot> snapshots(int offset, int limit) {
		return this.jdbc.sql(SNAPSHOT + " order by published_at desc, id desc limit ? offset ?")
			.params(limit, offset)
			.query(SheetStore::snapshot)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from ice_sheet").query(Long.class).single();
	}

	/** Removes a held sheet's snapshot (it holds no rows), to apply it anew. */
	void delete(long id) {
		this.jdbc.sql("delete from ice_sheet where id = ? and review = 'HELD'").param(id).update();
	}

	/**
	 * The held sheets of a list whose agencies vanished: another list's sheet may explain
	 * them.
	 */
	List<Long> heldVanished(String list) {
		return this.jdbc
			.sql("select id from ice_sheet where review = 'HELD' and held_reason = 'VANISHED' and list = ? "
					+ "order by published_at, id")
			.param(list)
			.query((rs, n) -> rs.getLong(1))
			.list();
	}

	long heldCount() {
		return this.jdbc.sql("select count(*) from ice_sheet where review = 'HELD'").query(Long.class).single();
	}

	/** The sheets waiting for staff, oldest publication first. */
	List<SheetSnapshot> held() {
		return this.jdbc.sql(SNAPSHOT + " where review = 'HELD' order by published_at, id")
			.query(SheetStore::snapshot)
			.list();
	}

	private static SheetSnapshot snapshot(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String names = rs.getString(16);
		return new SheetSnapshot(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class), rs.getString(4),
				rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
				rs.getString(11), rs.getString(12), rs.getInt(13), rs.getInt(14), rs.getInt(15),
				(names == null || names.isEmpty()) ? List.of() : List.of(names.split("\n")), rs.getString(17));
	}

	@Contract("!null, _ -> !null")
	static @Nullable String truncate(@Nullable String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
