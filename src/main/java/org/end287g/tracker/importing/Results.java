package org.end287g.tracker.importing;

import org.end287g.tracker.ImportResult;
import org.end287g.tracker.ImportResult.Status;
import org.jspecify.annotations.Nullable;

/** The results the importer reports, with their message keys. */
final class Results {

	private Results() {
	}

	static ImportResult accepted(PreparedSheet sheet, int listed, int added, int removed, int renamed) {
		return new ImportResult(sheet.fileName(), sheet.name().list(), sheet.name().publishedAt(), Status.ACCEPTED,
				sheet.rows().size(), listed, added, removed, renamed, sheet.issues(), "import.result.accepted",
				new Object[] { sheet.rows().size(), listed, added, removed, renamed, sheet.issues() }, "accepted",
				sheet.name().dateSource());
	}

	static ImportResult alreadyImported(String fileName, SheetFileName name) {
		return new ImportResult(fileName, name.list(), name.publishedAt(), Status.ALREADY_IMPORTED, 0, 0, 0, 0, 0, 0,
				"import.result.already-imported", new Object[0], "already imported", name.dateSource());
	}

	static ImportResult rejected(String fileName, @Nullable SheetFileName name, int rows, SheetRejected rejected) {
		return new ImportResult(fileName, (name != null) ? name.list() : null,
				(name != null) ? name.publishedAt() : null, Status.REJECTED, rows, 0, 0, 0, 0, 0, rejected.messageKey(),
				rejected.arguments(), rejected.getMessage(), (name != null) ? name.dateSource() : null);
	}

	static ImportResult held(PreparedSheet sheet, SheetHeld.Diff diff) {
		return new ImportResult(sheet.fileName(), sheet.name().list(), sheet.name().publishedAt(), Status.HELD,
				sheet.rows().size(), 0, diff.added(), diff.vanished(), 0, sheet.issues(), diff.messageKey(),
				diff.arguments(), "held for staff at /admin/import: " + diff.describe(), sheet.name().dateSource());
	}

	/** The same workbook offered again while staff have not decided on it. */
	static ImportResult stillHeld(PreparedSheet sheet, SheetSnapshot held) {
		return new ImportResult(sheet.fileName(), sheet.name().list(), sheet.name().publishedAt(), Status.HELD,
				sheet.rows().size(), 0, held.heldAdded(), held.heldVanished(), 0, sheet.issues(),
				"import.result.still-held", new Object[0], "still held for staff at /admin/import",
				sheet.name().dateSource());
	}

}
