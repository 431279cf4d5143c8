package org.end287g.tracker;

import java.time.LocalDateTime;

/**
 * A publication date given beside a sheet, for file names that carry none. ICE's dates
 * are its own local time (Washington), like the dates in its file names.
 *
 * @param at the publication date and time
 * @param source where it came from; OPTION wins over the file name, the others are only
 * used when the name has no date
 */
public record PublishedAt(LocalDateTime at, DateSource source) {

	/**
	 * Whether this date replaces the one in the file name (an operator's explicit word).
	 */
	public boolean overridesName() {
		return this.source == DateSource.OPTION;
	}

}
