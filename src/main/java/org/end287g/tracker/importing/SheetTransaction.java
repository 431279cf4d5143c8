package org.end287g.tracker.importing;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.end287g.audit.AuditLog;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one prepared sheet in a single transaction, serialised across app instances:
 * the checksum, the snapshot and its rows, identities, the guard against broken
 * publications (which throws {@link SheetHeld} to roll all of it back), then the
 * recomputed history. Any failure rolls everything back.
 */
@Component
class SheetTransaction {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SheetTransaction.class);

	private final SheetStore store;

	private final AgencyResolver resolver;

	private final AgreementHistory history;

	private final SheetGuard guard;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final ImportState state;

	SheetTransaction(SheetStore store, AgencyResolver resolver, AgreementHistory history, SheetGuard guard,
			ApplicationEventPublisher events, AuditLog audit, ImportState state) {
		this.state = state;
		this.store = store;
		this.resolver = resolver;
		this.history = history;
		this.guard = guard;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Applies the sheet, or throws {@link SheetHeld} (having changed nothing) when it
	 * looks like a broken publication.
	 */
	@Transactional
	public ImportResult apply(PreparedSheet sheet) {
		this.store.lockImports();
		Optional<SheetSnapshot> known = this.store.find(sheet.sha256(), sheet.name());
		if (known.isPresent()) {
			return known.get().held() ? Results.stillHeld(sheet, known.get())
					: Results.alreadyImported(sheet.fileName(), sheet.name());
		}
		if (sheet.source() == SheetSource.FIRST_START && this.store.hasImportedSheets()) {
			// another instance, or an operator, imported sheets meanwhile: they decide
			return Results.alreadyImported(sheet.fileName(), sheet.name());
		}
		if (this.store.hasSample()) {
			// the four-agency sample of earlier versions makes way for real sheets
			this.store.deleteAll();
		}
		this.state.begin();
		long sheetId = this.store.insert(sheet.name(), sheet.fileName(), sheet.sha256(), sheet.rows().size(),
				sheet.source(), null);
		return applyRows(sheetId, sheet, true);
	}

	/**
	 * Applies a stored sheet; the importer's copy of the tracker was made current before
	 * the sheet was stored or accepted ({@link ImportState#begin}), as the sheets before
	 * it leave the tracker.
	 */
	private ImportResult applyRows(long sheetId, PreparedSheet sheet, boolean guarded) {
		AgencyResolver.Resolution resolution = this.resolver.resolve(sheetId, sheet.name(), sheet.rows());
		this.store.insertRows(sheetId, sheet, resolution.agreementIds(), resolution.agencyIds());
		if (guarded) {
			Optional<SheetHeld.Diff> held = this.guard.examine(sheetId, sheet, resolution.agreementIds());
			if (held.isPresent()) {
				throw new SheetHeld(held.get());
			}
		}
		int listed = (int) Arrays.stream(resolution.agreementIds()).filter(Objects::nonNull).distinct().count();
		this.store.setListedCount(sheetId, listed);
		long recomputing = System.nanoTime();
		AgreementHistory.Changes changes = this.history.recompute(sheetId);
		log.debug("Recomputed history in {} ms", (System.nanoTime() - recomputing) / 1_000_000);
		this.events.publishEvent(
				new IceSheetImported(sheetId, sheet.name().list(), sheet.name().publishedAt(), changes.appended()));
		this.state.end();
		return Results.accepted(sheet, listed, changes.added(), changes.removed(), resolution.renamed());
	}

	/** Stores the refused snapshot (so staff see it) and changes nothing else. */
	@Transactional
	public ImportResult reject(PreparedSheet sheet, SheetRejected rejected) {
		if (!this.store.contains(sheet.sha256(), sheet.name())) {
			this.store.insert(sheet.name(), sheet.fileName(), sheet.sha256(), sheet.rows().size(), sheet.source(),
					rejected.getMessage());
		}
		return Results.rejected(sheet.fileName(), sheet.name(), sheet.rows().size(), rejected);
	}

	/**
	 * Stores a sheet the guard held, with its workbook, for staff to accept or reject; it
	 * changes nothing else.
	 */
	@Transactional
	public ImportResult hold(PreparedSheet sheet, SheetHeld held, byte[] content) {
		this.store.lockImports();
		if (!this.store.contains(sheet.sha256(), sheet.name())) {
			long id = this.store.insert(sheet.name(), sheet.fileName(), sheet.sha256(), sheet.rows().size(),
					sheet.source(), held.getMessage());
			this.store.hold(id, held.diff(), content);
		}
		return Results.held(sheet, held.diff());
	}

	/**
	 * A held sheet applied at staff's word, in its place in the history, audited. Empty
	 * when it is no longer held (another staff member decided meanwhile).
	 */
	@Transactional
	public Optional<ImportResult> acceptHeld(long sheetId, PreparedSheet sheet, String actor) {
		this.store.lockImports();
		this.state.begin();
		if (!this.store.decide(sheetId, true)) {
			return Optional.empty();
		}
		this.audit.record(actor, "import.held.accept", "ice_sheet:" + sheetId, sheet.fileName());
		return Optional.of(applyRows(sheetId, sheet, false));
	}

	/**
	 * A held sheet examined again now that more sheets are in: accepted when its agencies
	 * no longer vanish to nowhere (they appear on a sheet of the other list imported
	 * since), audited as the system's decision. Throws {@link SheetHeld}, having changed
	 * nothing, when it is still suspicious; empty when it is no longer held.
	 */
	@Transactional
	public Optional<ImportResult> reexamine(long sheetId, PreparedSheet sheet) {
		this.store.lockImports();
		if (!this.store.find(sheetId).map(SheetSnapshot::held).orElse(false)) {
			return Optional.empty();
		}
		this.state.begin();
		this.store.delete(sheetId);
		long id = this.store.insert(sheet.name(), sheet.fileName(), sheet.sha256(), sheet.rows().size(), sheet.source(),
				null);
		ImportResult result = applyRows(id, sheet, true);
		this.audit.record("system", "import.held.cleared", "ice_sheet:" + id, sheet.fileName());
		return Optional.of(result);
	}

	/** A held sheet refused at staff's word, audited; false when it is no longer held. */
	@Transactional
	public boolean rejectHeld(long sheetId, String actor) {
		this.store.lockImports();
		if (!this.store.decide(sheetId, false)) {
			return false;
		}
		this.audit.record(actor, "import.held.reject", "ice_sheet:" + sheetId, null);
		return true;
	}

}
