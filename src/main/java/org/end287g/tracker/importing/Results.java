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
				new Object[] { sheet.rows().size(), listed, added, removed, renamed, sheet.issues() }, "accepted");
	}

	static ImportResult alreadyImported(String fileName, SheetFileName name) {
		return new ImportResult(fileName, name.list(), name.publishedAt(), Status.ALREADY_IMPORTED, 0, 0, 0, 0, 0, 0,
				"import.result.already-imported", new Object[0], "already imported");
	}

	static ImportResult rejected(String fileName, @Nullable SheetFileName name, int rows, SheetRejected rejected) {
		return new ImportResult(fileName, (name != null) ? name.list() : null,
				(name != null) ? name.publishedAt() : null, Status.REJECTED, rows, 0, 0, 0, 0, 0, rejected.messageKey(),
				rejected.arguments(), rejected.getMessage());
	}

}
