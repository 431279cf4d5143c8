package org.end287g.tracker.importing;

import java.util.List;

import org.end287g.tracker.SheetSource;

/** A sheet read and cleaned, ready to be applied in one transaction. */
record PreparedSheet(SheetFileName name, String fileName, String sha256, List<CleanRow> rows, SheetSource source) {

	int issues() {
		return (int) this.rows.stream().filter((row) -> !row.issues().isEmpty()).count();
	}

}
