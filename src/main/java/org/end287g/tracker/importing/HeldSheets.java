package org.end287g.tracker.importing;

import java.io.IOException;
import java.util.Optional;

import org.end287g.tracker.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Staff's decisions on the sheets the guard held. Accepting reads the stored workbook
 * again and applies it through the ordinary path, in its place in the history; rejecting
 * only marks it. Both are audited with the staff member's account id.
 */
@Service
class HeldSheets {

	private static final Logger log = LoggerFactory.getLogger(HeldSheets.class);

	/** What became of a decision. */
	enum Outcome {

		DONE, NOT_HELD, UNREADABLE

	}

	private final SheetStore store;

	private final SheetImporter importer;

	private final SheetTransaction transaction;

	HeldSheets(SheetStore store, SheetImporter importer, SheetTransaction transaction) {
		this.store = store;
		this.importer = importer;
		this.transaction = transaction;
	}

	Outcome accept(long id, String actor) {
		Optional<SheetSnapshot> held = this.store.find(id).filter(SheetSnapshot::held);
		Optional<byte[]> content = this.store.heldContent(id);
		if (held.isEmpty() || content.isEmpty()) {
			return Outcome.NOT_HELD;
		}
		PreparedSheet sheet;
		try {
			sheet = this.importer.prepareHeld(held.get(), content.get());
		}
		catch (IOException | SheetRejected ex) {
			log.warn("Held sheet {} cannot be read again: {}", id, ex.getMessage());
			return Outcome.UNREADABLE;
		}
		Optional<ImportResult> result = this.transaction.acceptHeld(id, sheet, actor);
		result.ifPresent((accepted) -> log.info("Held sheet accepted by staff: {}", accepted.summary()));
		return result.isPresent() ? Outcome.DONE : Outcome.NOT_HELD;
	}

	Outcome reject(long id, String actor) {
		return this.transaction.rejectHeld(id, actor) ? Outcome.DONE : Outcome.NOT_HELD;
	}

}
