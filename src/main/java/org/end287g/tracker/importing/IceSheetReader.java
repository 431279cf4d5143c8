package org.end287g.tracker.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Streams the first worksheet of one of ICE's workbooks into raw rows, after the zip
 * guard, finding the header by name. Formulas are never evaluated: their cached value is
 * read as text.
 */
@Component
class IceSheetReader {

	private static final int HEADER_SEARCH_ROWS = 20;

	private final ImportProperties limits;

	private final ZipGuard guard;

	private final SheetLinks links = new SheetLinks();

	IceSheetReader(ImportProperties limits) {
		this.limits = limits;
		this.guard = new ZipGuard(limits);
	}

	/**
	 * The sheet's rows. Its hyperlinks are read on a second thread while the cells are
	 * parsed (two passes over the sheet, each on a core), then joined to the rows.
	 */
	List<RawRow> read(Path workbook) {
		this.guard.check(workbook);
		FutureTask<Map<String, String>> hyperlinks = new FutureTask<>(() -> this.links.read(workbook));
		Thread.ofVirtual().name("sheet-links").start(hyperlinks);
		try (ReadableWorkbook book = new ReadableWorkbook(workbook.toFile());
				Stream<Row> rows = book.getFirstSheet().openStream()) {
			Iterator<Row> cells = rows.iterator();
			HeaderColumns header = findHeader(cells);
			List<RawRow> read = readRows(cells, header);
			return withLinks(read, header, links(hyperlinks));
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof SheetRejected rejected) {
				throw rejected;
			}
			throw SheetRejected.unreadable(String.valueOf(ex.getMessage()));
		}
		finally {
			hyperlinks.cancel(true);
		}
	}

	private static Map<String, String> links(FutureTask<Map<String, String>> hyperlinks) {
		try {
			return hyperlinks.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw SheetRejected.unreadable(String.valueOf(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw SheetRejected.unreadable("interrupted while reading the hyperlinks");
		}
	}

	private List<RawRow> readRows(Iterator<Row> rows, HeaderColumns header) {
		List<RawRow> result = new ArrayList<>();
		while (rows.hasNext()) {
			RawRow row = toRawRow(rows.next(), header);
			if (row.blank()) {
				continue;
			}
			if (result.size() >= this.limits.maxRows()) {
				throw SheetRejected.tooManyRows(this.limits.maxRows());
			}
			result.add(row);
		}
		return result;
	}

	/** The rows with the hyperlinks of their MOA and addendum cells. */
	private List<RawRow> withLinks(List<RawRow> rows, HeaderColumns header, Map<String, String> hyperlinks) {
		int moa = header.column(HeaderColumns.MOA);
		int addendum = header.column(HeaderColumns.ADDENDUM);
		if (hyperlinks.isEmpty() || (moa < 0 && addendum < 0)) {
			return rows;
		}
		String moaColumn = (moa < 0) ? null : columnName(moa);
		String addendumColumn = (addendum < 0) ? null : columnName(addendum);
		List<RawRow> linked = new ArrayList<>(rows.size());
		for (RawRow row : rows) {
			String moaLink = link(hyperlinks, moaColumn, row);
			String addendumLink = link(hyperlinks, addendumColumn, row);
			linked.add((moaLink == null && addendumLink == null) ? row
					: new RawRow(row.rowNumber(), row.state(), row.agency(), row.kind(), row.county(), row.model(),
							row.signed(), row.moa(), moaLink, row.addendum(), addendumLink));
		}
		return linked;
	}

	private HeaderColumns findHeader(Iterator<Row> rows) {
		for (int seen = 0; seen < HEADER_SEARCH_ROWS && rows.hasNext(); seen++) {
			Row row = rows.next();
			Optional<HeaderColumns> header = HeaderColumns.find(row.getRowNum(), texts(row));
			if (header.isPresent()) {
				return header.get();
			}
		}
		throw SheetRejected.noHeader(String.join(", ", HeaderColumns.REQUIRED));
	}

	private List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getCellCount(); i++) {
			texts.add(text(row, i));
		}
		return texts;
	}

	/**
	 * A row's cells; its hyperlinks are added once they are read ({@link #withLinks}).
	 */
	private RawRow toRawRow(Row row, HeaderColumns header) {
		return new RawRow(row.getRowNum(), text(row, header.column(HeaderColumns.STATE)),
				text(row, header.column(HeaderColumns.AGENCY)), text(row, header.column(HeaderColumns.TYPE)),
				text(row, header.column(HeaderColumns.COUNTY)), text(row, header.column(HeaderColumns.SUPPORT_TYPE)),
				text(row, header.column(HeaderColumns.SIGNED)), text(row, header.column(HeaderColumns.MOA)), null,
				text(row, header.column(HeaderColumns.ADDENDUM)), null);
	}

	private @Nullable String text(Row row, int column) {
		if (column < 0 || column >= row.getCellCount()) {
			return null;
		}
		Cell cell = row.getCell(column);
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		String value = (cell.getType() == CellType.STRING) ? cell.asString() : cell.getRawValue();
		return cap(value);
	}

	private @Nullable String link(Map<String, String> hyperlinks, @Nullable String column, RawRow row) {
		return (column != null) ? cap(hyperlinks.get(column + row.rowNumber())) : null;
	}

	private @Nullable String cap(@Nullable String value) {
		return (value == null || value.length() <= this.limits.maxCellChars()) ? value
				: value.substring(0, this.limits.maxCellChars());
	}

	static String columnName(int index) {
		StringBuilder name = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			name.insert(0, (char) ('A' + (i - 1) % 26));
		}
		return name.toString();
	}

}
