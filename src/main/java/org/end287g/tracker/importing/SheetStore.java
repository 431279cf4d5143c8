package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.end287g.tracker.SheetSource;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Repository;

/** The ice_sheet and sheet_row tables. */
@Repository
class SheetStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	SheetStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
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

	/**
	 * Row count of the accepted sheet of the list published just before the given time.
	 */
	Optional<Integer> previousRowCount(String list, LocalDateTime publishedAt) {
		return this.jdbc
			.sql("select row_count from ice_sheet where list = ? and accepted and published_at < ? "
					+ "order by published_at desc, id desc fetch first 1 rows only")
			.params(list, publishedAt)
			.query(Integer.class)
			.optional();
	}

	/** Stores a sheet: accepted without a reject reason ({@code null}), else refused. */
	long insert(SheetFileName name, String fileName, String sha256, int rows, SheetSource source,
			@Nullable String rejectReason) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into ice_sheet (list, published_at, file_name, sha256, row_count, accepted, reject_reason, "
					+ "source, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(name.list(), name.publishedAt(), truncate(fileName, 255), sha256, rows, rejectReason == null)
			.param(truncate(rejectReason, 2000))
			.params(source.name(), OffsetDateTime.now(ZoneOffset.UTC))
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Number.class), "the insert returned no id").longValue();
	}

	void insertRows(long sheetId, List<CleanRow> rows, Long[] agreementIds) {
		Object[][] batch = new Object[rows.size()][];
		for (int i = 0; i < rows.size(); i++) {
			RawRow raw = rows.get(i).raw();
			batch[i] = new Object[] { sheetId, raw.rowNumber(), truncate(raw.state(), 300), truncate(raw.agency(), 300),
					truncate(raw.kind(), 300), truncate(raw.county(), 300), truncate(raw.model(), 300),
					truncate(raw.signed(), 100), truncate(rawLink(raw.moa(), raw.moaLink()), 1000),
					truncate(rawLink(raw.addendum(), raw.addendumLink()), 1000), agreementIds[i],
					truncate(rows.get(i).issueText(), 1000) };
		}
		this.template.batchUpdate("insert into sheet_row (sheet_id, row_number, raw_state, raw_agency, raw_kind, "
				+ "raw_county, raw_model, raw_signed, raw_moa, raw_addendum, agreement_id, issues) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(batch));
	}

	void setListedCount(long sheetId, int listed) {
		this.jdbc.sql("update ice_sheet set listed_count = ? where id = ?").params(listed, sheetId).update();
	}

	/**
	 * Removes every tracker row: used only while the database holds nothing but the
	 * four-agency sample of earlier versions.
	 */
	void deleteAll() {
		for (String table : List.of("agreement_event", "sheet_row", "agreement", "agency_name", "agency",
				"ice_sheet")) {
			this.jdbc.sql("delete from " + table).update();
		}
	}

	List<SheetSnapshot> snapshots() {
		return this.jdbc
			.sql("select id, list, published_at, file_name, sha256, row_count, listed_count, accepted, "
					+ "reject_reason, source from ice_sheet order by published_at desc, id desc")
			.query((rs, n) -> new SheetSnapshot(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
					rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getBoolean(8), rs.getString(9),
					rs.getString(10)))
			.list();
	}

	/** The cell text, followed by its hyperlink target when the cell carries one. */
	private static @Nullable String rawLink(@Nullable String text, @Nullable String link) {
		if (link == null) {
			return text;
		}
		return (text == null || text.isBlank()) ? link : text + " <" + link + ">";
	}

	@Contract("!null, _ -> !null")
	static @Nullable String truncate(@Nullable String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
