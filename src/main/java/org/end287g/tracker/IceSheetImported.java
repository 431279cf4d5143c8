package org.end287g.tracker;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Published inside the import transaction after an ICE sheet was accepted.
 * {@code incremental}: the sheet came after every other one and was applied on top of the
 * history, so only the agreements of {@link TrackerReader#changesOf} changed, and a
 * follower may look at their agencies alone. False when the whole history was recomputed
 * (a sheet published before others), or not known: followers compare everything.
 */
public record IceSheetImported(long sheetId, String list, LocalDateTime publishedAt, boolean incremental) {

	/** An accepted sheet whose changes are not known one by one. */
	public IceSheetImported(long sheetId, String list, LocalDateTime publishedAt) {
		this(sheetId, list, publishedAt, false);
	}

	/**
	 * The event as stored with its listeners until they complete: one stored before it
	 * told how the sheet was applied reads as not known.
	 */
	@JsonCreator
	static IceSheetImported stored(@JsonProperty("sheetId") long sheetId, @JsonProperty("list") String list,
			@JsonProperty("publishedAt") LocalDateTime publishedAt,
			@JsonProperty("incremental") @Nullable Boolean incremental) {
		return new IceSheetImported(sheetId, list, publishedAt, Boolean.TRUE.equals(incremental));
	}

}
