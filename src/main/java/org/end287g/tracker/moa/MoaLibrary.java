package org.end287g.tracker.moa;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.end287g.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MOA library as the tracker's pages use it: attach a PDF to an agreement (read
 * first, stored whole in one transaction or not at all), an agency's archived agreements
 * with their key clauses, and search over every page.
 */
@Service
public class MoaLibrary {

	/** The most hits a search returns. */
	public static final int MAX_HITS = 100;

	private final MoaStore store;

	private final MoaReader reader;

	private final AuditLog audit;

	MoaLibrary(MoaStore store, MoaReader reader, AuditLog audit) {
		this.store = store;
		this.reader = reader;
		this.audit = audit;
	}

	/** Staff's or the command's file for one agreement, audited with the reader's id. */
	@Transactional
	long attachTo(String agencySlug, String model, String kind, String fileName, byte[] pdf, String actor) {
		long agreement = this.store.agreementId(agencySlug, model)
			.orElseThrow(() -> MoaRejected.unknownAgreement(agencySlug, model));
		long id = attach(new MoaStore.Target(agreement, kind, null), fileName, pdf, actor);
		this.audit.record(actor, "moa.attach", "agreement:" + agreement, kind + " document " + id);
		return id;
	}

	/**
	 * A file for every agreement whose ICE link ends in its name (ICE's own file name);
	 * empty when none does.
	 */
	@Transactional
	List<Long> attachByFileName(String fileName, byte[] pdf, String actor) {
		// read first, so a bad file is refused even when no agreement links to it
		MoaText text = this.reader.read(pdf);
		List<Long> ids = new ArrayList<>();
		for (MoaStore.Target target : this.store.byFileName(fileName)) {
			long id = attach(target, fileName, pdf, text, actor);
			this.audit.record(actor, "moa.attach", "agreement:" + target.agreementId(),
					target.kind() + " document " + id);
			ids.add(id);
		}
		return ids;
	}

	/**
	 * Replaces staff's notes on the clauses; a note left empty in both languages goes.
	 */
	@Transactional
	void saveNotes(Map<Clause, MoaViews.Note> notes, String actor) {
		notes.forEach((clause, note) -> this.store.saveNote(clause, note.english(), note.spanish(), actor));
		this.audit.record(actor, "moa.notes", "moa-clauses", null);
	}

	/** Reads the PDF (refusing what it cannot read) and stores it with its pages. */
	@Transactional
	long attach(MoaStore.Target target, String fileName, byte[] pdf, String addedBy) {
		return attach(target, fileName, pdf, this.reader.read(pdf), addedBy);
	}

	private long attach(MoaStore.Target target, String fileName, byte[] pdf, MoaText text, String addedBy) {
		String name = fileName.isBlank() ? "moa.pdf" : fileName;
		long id = this.store.insert(target, (name.length() > 255) ? name.substring(name.length() - 255) : name,
				sha256(pdf), pdf, text, addedBy);
		if (target.url() != null) {
			this.store.succeeded(target.url());
		}
		return id;
	}

	/** An agency's archived PDFs and the first page of each key clause in each. */
	public MoaViews.AgencyLibrary forAgency(String agencySlug) {
		List<MoaViews.Document> documents = this.store.documents(agencySlug);
		if (documents.isEmpty()) {
			return new MoaViews.AgencyLibrary(List.of(), List.of());
		}
		Map<Clause, MoaViews.Note> notes = notes();
		List<MoaStore.PageRow> pages = this.store.pagesOf(agencySlug);
		List<MoaViews.ClauseHit> clauses = new ArrayList<>();
		for (Clause clause : Clause.values()) {
			pages.stream()
				.map((page) -> page.clauseHit(clause.keyword()))
				.flatMap(Optional::stream)
				.collect(Collectors.toMap(MoaViews.Hit::documentId, Function.identity(), (first, later) -> first,
						java.util.LinkedHashMap::new))
				.values()
				.forEach((hit) -> clauses.add(new MoaViews.ClauseHit(clause, hit, notes.get(clause))));
		}
		return new MoaViews.AgencyLibrary(documents, clauses);
	}

	/** Pages holding the words (a query {@link MoaQuery} accepted), at most MAX_HITS. */
	public List<MoaViews.Hit> search(MoaQuery query) {
		return this.store.search(query.folded(), MAX_HITS)
			.stream()
			.map((page) -> page.hit(query.folded()))
			.flatMap(Optional::stream)
			.toList();
	}

	public Map<Clause, MoaViews.Note> notes() {
		return this.store.notes().stream().collect(Collectors.toMap(MoaViews.Note::clause, Function.identity()));
	}

	public Optional<Pdf> pdf(long documentId) {
		return this.store.content(documentId).map((stored) -> new Pdf(stored.fileName(), stored.content()));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An archived PDF's bytes, as served to readers. */
	public record Pdf(String fileName, byte[] content) {
	}

}
