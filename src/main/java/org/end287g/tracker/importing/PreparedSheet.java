package org.end287g.tracker.importing;

import java.util.List;

import org.end287g.tracker.SheetSource;

/**
 * A sheet read and cleaned, ready to be applied in one transaction, with its rows already
 * in the parts of text they are stored as (written while the sheet is read, off the
 * thread that applies the one before it).
 */
record PreparedSheet(SheetFileName name, String fileName, String sha256, List<CleanRow> rows, SheetSource source,
		List<SheetRows.Part> storedParts) {

	PreparedSheet(SheetFileName name, String fileName, String sha256, List<CleanRow> rows, SheetSource source) {
		this(name, fileName, sha256, rows, source, SheetRows.parts(rows.stream().map(SheetRows.Stored::of).toList()));
	}

	int issues() {
		return (int) this.rows.stream().filter((row) -> !row.issues().isEmpty()).count();
	}

}
