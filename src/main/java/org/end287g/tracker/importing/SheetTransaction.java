package org.end287g.tracker.importing;

import java.util.Arrays;
import java.util.Objects;

import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one prepared sheet in a single transaction, serialised across app instances:
 * checksum and truncation guards, the snapshot and its rows, identities, then the
 * recomputed history. Any failure rolls everything back.
 */
@Component
class SheetTransaction {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SheetTransaction.class);

	private final SheetStore store;

	private final AgencyResolver resolver;

	private final AgreementHistory history;

	private final ApplicationEventPublisher events;

	private final ImportProperties limits;

	SheetTransaction(SheetStore store, AgencyResolver resolver, AgreementHistory history,
			ApplicationEventPublisher events, ImportProperties limits) {
		this.store = store;
		this.resolver = resolver;
		this.history = history;
		this.events = events;
		this.limits = limits;
	}

	@Transactional
	public ImportResult apply(PreparedSheet sheet) {
		this.store.lockImports();
		if (this.store.contains(sheet.sha256(), sheet.name())) {
			return Results.alreadyImported(sheet.fileName(), sheet.name());
		}
		if (sheet.source() == SheetSource.FIRST_START && this.store.hasImportedSheets()) {
			// another instance, or an operator, imported sheets meanwhile: they decide
			return Results.alreadyImported(sheet.fileName(), sheet.name());
		}
		if (this.store.hasSample()) {
			// the four-agency sample of earlier versions makes way for real sheets
			this.store.deleteAll();
		}
		int rows = sheet.rows().size();
		Integer previous = this.store.previousRowCount(sheet.name().list(), sheet.name().publishedAt()).orElse(null);
		if (previous != null && rows < previous * this.limits.minRowRatio()) {
			return reject(sheet, SheetRejected.truncated(rows, previous));
		}
		return accept(sheet);
	}

	private ImportResult accept(PreparedSheet sheet) {
		long sheetId = this.store.insert(sheet.name(), sheet.fileName(), sheet.sha256(), sheet.rows().size(),
				sheet.source(), null);
		AgencyResolver.Resolution resolution = this.resolver.resolve(sheetId, sheet.name(), sheet.rows());
		this.store.insertRows(sheetId, sheet.rows(), resolution.agreementIds());
		int listed = (int) Arrays.stream(resolution.agreementIds()).filter(Objects::nonNull).distinct().count();
		this.store.setListedCount(sheetId, listed);
		long recomputing = System.nanoTime();
		AgreementHistory.Changes changes = this.history.recompute(sheetId);
		log.debug("Recomputed history in {} ms", (System.nanoTime() - recomputing) / 1_000_000);
		this.events.publishEvent(new IceSheetImported(sheetId, sheet.name().list(), sheet.name().publishedAt()));
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

}
