package org.end287g.tracker.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep a hostile or broken workbook from exhausting the server, and the guard
 * that holds broken-looking publications for staff.
 *
 * @param maxFileBytes the largest workbook file accepted
 * @param maxEntryBytes the largest inflated part of a workbook
 * @param maxTotalBytes the most a workbook may inflate to in all
 * @param maxRatio the highest ratio of inflated to compressed size (a zip bomb's tell)
 * @param maxEntries the most parts a workbook may have
 * @param maxRows the most data rows a sheet may have
 * @param maxCellChars the longest text a cell may hold
 * @param maxVanishedShare a sheet is held when more than this share of the agencies on
 * the previous accepted sheet of its list vanish to nowhere (neither on this sheet nor on
 * the other list): ICE removes a few agencies now and then, never most of a list
 * @param minVanished ... and at least this many vanish, so a small list (pending) may
 * lose a few agencies without being held
 * @param maxUnreadableShare a sheet is held when more than this share of its rows cannot
 * be read as an agreement
 */
@ConfigurationProperties("end287g.import")
record ImportProperties(@DefaultValue("10485760") long maxFileBytes, @DefaultValue("52428800") long maxEntryBytes,
		@DefaultValue("104857600") long maxTotalBytes, @DefaultValue("200") int maxRatio,
		@DefaultValue("1000") int maxEntries, @DefaultValue("20000") int maxRows,
		@DefaultValue("1000") int maxCellChars, @DefaultValue("0.2") double maxVanishedShare,
		@DefaultValue("10") int minVanished, @DefaultValue("0.5") double maxUnreadableShare) {
}
