package org.end287g.tracker.moa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The library's tables: documents with their bytes, pages, failed downloads and notes.
 */
@Component
class MoaStore {

	private static final String DOCUMENT_COLUMNS = "d.id, a.model, d.kind, d.source_url, d.file_name, d.byte_size, "
			+ "d.page_count, d.scanned_pages, d.signed_on, d.signers, d.sha256";

	private static final String HIT_JOIN = " from moa_page p join moa_document d on d.id = p.document_id"
			+ " join agreement a on a.id = d.agreement_id join agency g on g.id = a.agency_id";

	private final JdbcClient jdbc;

	MoaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Long> agreementId(String agencySlug, String model) {
		return this.jdbc
			.sql("select a.id from agreement a join agency g on g.id = a.agency_id where g.slug = ? and a.model = ?")
			.params(agencySlug, model)
			.query(Long.class)
			.optional();
	}

	/** Agreements whose file in ICE's link (the last part of its path) is this name. */
	List<Target> byFileName(String fileName) {
		String pattern = "%/" + like(fileName.toLowerCase(java.util.Locale.ROOT));
		return this.jdbc
			.sql("select id, 'MOA' as kind, moa_url as url from agreement where lower(moa_url) like ? escape '\\'"
					+ " union all select id, 'ADDENDUM', addendum_url from agreement where lower(addendum_url) like ? escape '\\'")
			.params(pattern, pattern)
			.query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** ICE links with no archived copy that are not waiting out a failure. */
	List<Target> unarchived(LocalDateTime now, int batch) {
		String one = "select a.id, '%1$s' as kind, a.%2$s as url from agreement a where a.%2$s is not null"
				+ " and not exists (select 1 from moa_document d where d.agreement_id = a.id and d.kind = '%1$s'"
				+ " and d.source_url = a.%2$s) and not exists (select 1 from moa_fetch_failure f"
				+ " where f.source_url = a.%2$s and f.retry_after > ?)";
		return this.jdbc
			.sql(one.formatted("MOA", "moa_url") + " union all " + one.formatted("ADDENDUM", "addendum_url")
					+ " order by 1, 2 limit ?")
			.params(now, now, batch)
			.query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Stores a read PDF; the same bytes already kept for this agreement only take the new
	 * link. Returns the document's id.
	 */
	long insert(Target target, String fileName, String sha256, byte[] content, MoaText text, String addedBy) {
		Optional<Long> same = this.jdbc
			.sql("select id from moa_document where agreement_id = ? and kind = ? and sha256 = ?")
			.params(target.agreementId(), target.kind(), sha256)
			.query(Long.class)
			.optional();
		if (same.isPresent()) {
			if (target.url() != null) {
				this.jdbc.sql("update moa_document set source_url = ? where id = ?")
					.params(target.url(), same.get())
					.update();
			}
			return same.get();
		}
		this.jdbc
			.sql("insert into moa_document (agreement_id, kind, source_url, file_name, sha256, byte_size, content,"
					+ " page_count, scanned_pages, signed_on, signers, added_by, added_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Arrays.asList(target.agreementId(), target.kind(), target.url(), fileName, sha256, content.length,
					content, text.pages().size(), text.scannedPages(), text.signedOn(), signers(text), addedBy,
					OffsetDateTime.now()))
			.update();
		long id = this.jdbc.sql("select id from moa_document where agreement_id = ? and kind = ? and sha256 = ?")
			.params(target.agreementId(), target.kind(), sha256)
			.query(Long.class)
			.single();
		for (MoaText.Page page : text.pages()) {
			this.jdbc.sql(
					"insert into moa_page (document_id, page_number, body, search_text, scanned) values (?, ?, ?, ?, ?)")
				.params(id, page.number(), page.text(), SearchText.fold(page.text()), page.scanned())
				.update();
		}
		return id;
	}

	void failed(String url, String reason, LocalDateTime now, Duration wait) {
		int attempts = this.jdbc.sql("select attempts from moa_fetch_failure where source_url = ?")
			.param(url)
			.query(Integer.class)
			.optional()
			.orElse(0) + 1;
		Duration backoff = wait.multipliedBy(1L << Math.min(attempts - 1, 5));
		Duration capped = (backoff.compareTo(Duration.ofDays(7)) > 0) ? Duration.ofDays(7) : backoff;
		String shortReason = (reason.length() > 500) ? reason.substring(0, 500) : reason;
		if (attempts == 1) {
			this.jdbc
				.sql("insert into moa_fetch_failure (source_url, attempts, reason, retry_after) values (?, 1, ?, ?)")
				.params(url, shortReason, now.plus(capped))
				.update();
		}
		else {
			this.jdbc.sql("update moa_fetch_failure set attempts = ?, reason = ?, retry_after = ? where source_url = ?")
				.params(attempts, shortReason, now.plus(capped), url)
				.update();
		}
	}

	void succeeded(String url) {
		this.jdbc.sql("delete from moa_fetch_failure where source_url = ?").param(url).update();
	}

	List<MoaViews.Document> documents(String agencySlug) {
		return this.jdbc
			.sql("select " + DOCUMENT_COLUMNS + " from moa_document d join agreement a on a.id = d.agreement_id"
					+ " join agency g on g.id = a.agency_id where g.slug = ? order by a.model, d.kind, d.added_at desc")
			.param(agencySlug)
			.query((rs, n) -> document(rs))
			.list();
	}

	Optional<StoredPdf> content(long id) {
		return this.jdbc.sql("select file_name, content from moa_document where id = ?")
			.param(id)
			.query((rs, n) -> new StoredPdf(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

	/** Pages whose folded text holds the folded query, in a stable order. */
	List<PageRow> search(String folded, int limit) {
		return this.jdbc
			.sql("select g.slug, g.name, g.state, a.model, d.kind, d.id, p.page_number, p.body, p.search_text"
					+ HIT_JOIN
					+ " where p.search_text like ? escape '\\' order by g.name, g.slug, a.model, d.kind, d.id,"
					+ " p.page_number limit ?")
			.params("%" + like(folded) + "%", limit)
			.query((rs, n) -> pageRow(rs))
			.list();
	}

	List<PageRow> pagesOf(String agencySlug) {
		return this.jdbc
			.sql("select g.slug, g.name, g.state, a.model, d.kind, d.id, p.page_number, p.body, p.search_text"
					+ HIT_JOIN + " where g.slug = ? order by a.model, d.kind, d.id, p.page_number")
			.param(agencySlug)
			.query((rs, n) -> pageRow(rs))
			.list();
	}

	List<MoaViews.Note> notes() {
		return this.jdbc.sql("select clause, note_en, note_es from moa_clause_note")
			.query((rs, n) -> new MoaViews.Note(Clause.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
			.list();
	}

	void saveNote(Clause clause, String english, String spanish, String by) {
		this.jdbc.sql("delete from moa_clause_note where clause = ?").param(clause.name()).update();
		if (!english.isBlank() || !spanish.isBlank()) {
			this.jdbc.sql(
					"insert into moa_clause_note (clause, note_en, note_es, updated_by, updated_at) values (?, ?, ?, ?, ?)")
				.params(clause.name(), english, spanish, by, OffsetDateTime.now())
				.update();
		}
	}

	private static MoaViews.Document document(ResultSet rs) throws SQLException {
		java.sql.Date signed = rs.getDate(9);
		String signers = rs.getString(10);
		return new MoaViews.Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getLong(6), rs.getInt(7), rs.getInt(8), (signed != null) ? signed.toLocalDate() : null,
				(signers != null) ? Arrays.asList(signers.split("\n")) : List.<String>of(), rs.getString(11));
	}

	private static PageRow pageRow(ResultSet rs) throws SQLException {
		return new PageRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getLong(6), rs.getInt(7), rs.getString(8), rs.getString(9));
	}

	private static @Nullable String signers(MoaText text) {
		if (text.signers().isEmpty()) {
			return null;
		}
		String joined = String.join("\n", text.signers().stream().map(MoaText.Signer::toString).toList());
		return (joined.length() > 1000) ? joined.substring(0, 1000) : joined;
	}

	static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** An agreement's link to archive (url null when a file comes without one). */
	record Target(long agreementId, String kind, @Nullable String url) {
	}

	/** A document's bytes as kept. */
	record StoredPdf(String fileName, byte[] content) {
	}

	/** One page with where it belongs. */
	record PageRow(String slug, String name, String state, String model, String kind, long documentId, int page,
			String body, String folded) {

		Optional<MoaViews.Hit> hit(String foldedQuery) {
			int at = this.folded.indexOf(foldedQuery);
			return (at < 0) ? Optional.empty() : Optional.of(hitAt(at, foldedQuery.length()));
		}

		/**
		 * The first place a clause's keyword begins a word: "terminat" finds "terminate"
		 * and "termination", never the middle of "determination".
		 */
		Optional<MoaViews.Hit> clauseHit(String keyword) {
			for (int at = this.folded.indexOf(keyword); at >= 0; at = this.folded.indexOf(keyword, at + 1)) {
				if (at == 0 || !Character.isLetterOrDigit(this.folded.charAt(at - 1))) {
					return Optional.of(hitAt(at, keyword.length()));
				}
			}
			return Optional.empty();
		}

		private MoaViews.Hit hitAt(int at, int length) {
			return new MoaViews.Hit(this.slug, this.name, this.state, this.model, this.kind, this.documentId, this.page,
					Snippet.at(this.body, at, length));
		}

	}

}
