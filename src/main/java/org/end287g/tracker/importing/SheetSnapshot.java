package org.end287g.tracker.importing;

import java.time.LocalDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One ICE sheet offered to the importer, accepted, refused or held for staff; a held
 * sheet carries what it would change ({@code held*}).
 */
record SheetSnapshot(long id, String list, LocalDateTime publishedAt, String fileName, String sha256, int rowCount,
		int listedCount, boolean accepted, @Nullable String rejectReason, String source, @Nullable String review,
		@Nullable String heldReason, int heldVanished, int heldMoved, int heldAdded, List<String> heldNames,
		@Nullable String dateSource) {

	public String shortChecksum() {
		return this.sha256.substring(0, Math.min(12, this.sha256.length()));
	}

	/** Waiting for staff to accept or reject it. */
	public boolean held() {
		return "HELD".equals(this.review);
	}

	/** Refused by staff after the guard held it. */
	public boolean rejectedByStaff() {
		return "REJECTED".equals(this.review);
	}

	/** Applied at staff's word after the guard held it. */
	public boolean acceptedByStaff() {
		return "ACCEPTED".equals(this.review);
	}

	/** The translated reason's key: {@code admin.import.held.reason.VANISHED}... */
	public String heldReasonKey() {
		return "admin.import.held.reason." + ((this.heldReason != null) ? this.heldReason : "VANISHED");
	}

}
