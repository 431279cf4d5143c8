package org.end287g.tracker.importing;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every row of every accepted sheet as ICE wrote it, with the agreement it was resolved
 * to: the record the history is replayed from. A sheet's rows are stored together in a
 * few rows of {@code sheet_rows} (tab-separated text, which the database compresses),
 * written once and never changed: a sheet of 8,000 rows is one batch of about ten parts,
 * not 8,000 inserts, and a thousand sheets of history stay about ten thousand rows.
 * <p>
 * Parts, not one text a sheet: a text over half a megabyte (8,000 rows make about 1.3
 * million characters, and the driver encodes each text once more) is allocated outside
 * the JVM's young generation, and a thousand such sheets kept the collector marking the
 * whole heap.
 */
@Repository
class SheetRows {

	/** One stored row; the link columns hold the cell's text and its hyperlink. */
	record Stored(int rowNumber, @Nullable String state, @Nullable String agency, @Nullable String kind,
			@Nullable String county, @Nullable String model, @Nullable String signed, @Nullable String moa,
			@Nullable String addendum, @Nullable Long agreementId, @Nullable String issues) {

		/** The row as stored for a sheet's raw row, its cells capped to their columns. */
		static Stored of(CleanRow row) {
			return of(row, null);
		}

		/** The row as stored, with the agreement it resolved to. */
		static Stored of(CleanRow row, @Nullable Long agreementId) {
			RawRow raw = row.raw();
			return new Stored(raw.rowNumber(), SheetStore.truncate(raw.state(), 300),
					SheetStore.truncate(raw.agency(), SheetStore.AGENCY_CHARS), SheetStore.truncate(raw.kind(), 300),
					SheetStore.truncate(raw.county(), 300), SheetStore.truncate(raw.model(), 300),
					SheetStore.truncate(raw.signed(), 100), SheetStore.truncate(link(raw.moa(), raw.moaLink()), 1000),
					SheetStore.truncate(link(raw.addendum(), raw.addendumLink()), 1000), agreementId,
					SheetStore.truncate(row.issueText(), 1000));
		}

		private static @Nullable String link(@Nullable String text, @Nullable String link) {
			if (link == null) {
				return text;
			}
			return (text == null || text.isBlank()) ? link : text + " <" + link + ">";
		}

	}

	/** One part of a sheet's rows: this many consecutive rows, and their text. */
	record Part(int rows, String text) {
	}

	/** A part ends with the row that takes its text past this many characters. */
	static final int PART_CHARS = 120_000;

	private static final String NULL = "\\N";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	SheetRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Writes a sheet's rows: the parts {@link #parts} cut them into, with the agreement
	 * of each row in the same order.
	 */
	void write(long sheetId, List<Part> parts, List<@Nullable Long> agreementIds) {
		List<Object[]> values = new ArrayList<>(parts.size());
		int first = 0;
		for (Part part : parts) {
			List<@Nullable Long> ids = agreementIds.subList(first, first + part.rows());
			values.add(new Object[] { sheetId, values.size(), part.rows(), agreementIds(ids), part.text() });
			first += part.rows();
		}
		if (first != agreementIds.size()) {
			throw new IllegalArgumentException(agreementIds.size() + " agreements for " + first + " rows");
		}
		this.template.batchUpdate(
				"insert into sheet_rows (sheet_id, part, row_count, agreement_ids, content) values (?, ?, ?, ?, ?)",
				values);
	}

	/** The sheet's rows in row order; empty when it stored none (refused, held). */
	List<Stored> read(long sheetId) {
		List<Stored> rows = new ArrayList<>();
		this.jdbc.sql("select agreement_ids, content from sheet_rows where sheet_id = ? order by part")
			.param(sheetId)
			.query((rs, n) -> rows.addAll(unpack(rs.getString(1), rs.getString(2))))
			.list();
		return rows;
	}

	void deleteAll() {
		this.jdbc.sql("delete from sheet_rows").update();
	}

	/** Each row's agreement followed by a comma, nothing before the comma when none. */
	static String agreementIds(List<@Nullable Long> agreementIds) {
		StringBuilder ids = new StringBuilder(agreementIds.size() * 6);
		for (Long id : agreementIds) {
			ids.append((id != null) ? id.toString() : "").append(',');
		}
		return ids.toString();
	}

	static List<@Nullable Long> ids(@Nullable String text) {
		List<@Nullable Long> ids = new ArrayList<>();
		if (text == null) {
			return ids;
		}
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == ',') {
				ids.add((i == start) ? null : Long.valueOf(text.substring(start, i)));
				start = i + 1;
			}
		}
		return ids;
	}

	/**
	 * One line a row, its cells separated by tabs, escaped, {@code \N} for none; a new
	 * part after the row that reaches {@link #PART_CHARS}. No part when there are no
	 * rows.
	 */
	static List<Part> parts(List<Stored> rows) {
		List<Part> parts = new ArrayList<>();
		StringBuilder text = new StringBuilder(Math.min(rows.size() * 200, PART_CHARS) + 1000);
		int inPart = 0;
		for (Stored row : rows) {
			text.append(row.rowNumber());
			for (String cell : new String[] { row.state(), row.agency(), row.kind(), row.county(), row.model(),
					row.signed(), row.moa(), row.addendum(), row.issues() }) {
				text.append('\t');
				escape(text, cell);
			}
			text.append('\n');
			inPart++;
			if (text.length() >= PART_CHARS) {
				parts.add(new Part(inPart, text.toString()));
				text.setLength(0);
				inPart = 0;
			}
		}
		if (inPart > 0) {
			parts.add(new Part(inPart, text.toString()));
		}
		return parts;
	}

	static List<Stored> unpack(@Nullable String agreementIds, @Nullable String content) {
		List<@Nullable Long> ids = ids(agreementIds);
		List<Stored> rows = new ArrayList<>(ids.size());
		if (content == null || content.isEmpty()) {
			return rows;
		}
		List<@Nullable String> cells = new ArrayList<>(10);
		StringBuilder cell = new StringBuilder();
		boolean escaped = false;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (escaped) {
				cell.append(switch (c) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 'N' -> '\u0000';
					default -> c;
				});
				escaped = false;
			}
			else if (c == '\\') {
				escaped = true;
			}
			else if (c == '\t' || c == '\n') {
				cells.add(cell(cell));
				cell.setLength(0);
				if (c == '\n') {
					int index = rows.size();
					rows.add(row(cells, (index < ids.size()) ? ids.get(index) : null));
					cells.clear();
				}
			}
			else {
				cell.append(c);
			}
		}
		return rows;
	}

	private static Stored row(List<@Nullable String> cells, @Nullable Long agreementId) {
		if (cells.size() != 10) {
			throw new IllegalStateException("a stored sheet row has 10 cells, not " + cells.size());
		}
		return new Stored(Integer.parseInt(String.valueOf(cells.get(0))), cells.get(1), cells.get(2), cells.get(3),
				cells.get(4), cells.get(5), cells.get(6), cells.get(7), cells.get(8), agreementId, cells.get(9));
	}

	/** A cell's text; the lone {@code \N} (decoded as a NUL character) is none. */
	private static @Nullable String cell(StringBuilder cell) {
		return (cell.length() == 1 && cell.charAt(0) == '\u0000') ? null : cell.toString();
	}

	/** No character to escape: four searches the JVM makes fast, not a loop of tests. */
	private static boolean plain(String cell) {
		return cell.indexOf('\\') < 0 && cell.indexOf('\t') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0;
	}

	private static void escape(StringBuilder text, @Nullable String cell) {
		if (cell == null) {
			text.append(NULL);
			return;
		}
		if (plain(cell)) {
			text.append(cell);
			return;
		}
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}

}
