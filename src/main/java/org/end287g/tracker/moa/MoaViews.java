package org.end287g.tracker.moa;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What pages and the API show of the library: documents, hits and notes. */
public final class MoaViews {

	private MoaViews() {
	}

	/** An archived PDF of one agreement. */
	public record Document(long id, String model, String kind, @Nullable String sourceUrl, String fileName,
			long byteSize, int pageCount, int scannedPages, @Nullable LocalDate signedOn, List<String> signers,
			String sha256) {

		/** The size in kilobytes, for people. */
		public long kilobytes() {
			return Math.max(1, this.byteSize / 1024);
		}

	}

	/** A page of an agreement where a search or a clause's keyword matched. */
	public record Hit(String agencySlug, String agencyName, String state, String model, String kind, long documentId,
			int page, Snippet snippet) {
	}

	/**
	 * A key clause found in an agency's agreements, with staff's note when there is one.
	 */
	public record ClauseHit(Clause clause, Hit hit, @Nullable Note note) {
	}

	/** Staff's explanation of a clause, in both languages. */
	public record Note(Clause clause, String english, String spanish) {

		public String in(Locale locale) {
			return "es".equals(locale.getLanguage()) ? this.spanish : this.english;
		}

	}

	/** An agency's archived agreements and the key clauses found in them. */
	public record AgencyLibrary(List<Document> documents, List<ClauseHit> clauses) {

		public boolean isEmpty() {
			return this.documents.isEmpty();
		}

	}

}
