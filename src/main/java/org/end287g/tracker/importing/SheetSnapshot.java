package org.end287g.tracker.importing;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/** One ICE sheet offered to the importer, accepted or not. */
record SheetSnapshot(long id, String list, LocalDateTime publishedAt, String fileName, String sha256, int rowCount,
		int listedCount, boolean accepted, @Nullable String rejectReason, String source) {

	public String shortChecksum() {
		return this.sha256.substring(0, Math.min(12, this.sha256.length()));
	}

}
