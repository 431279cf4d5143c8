package org.end287g.tracker.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep a hostile or broken workbook from exhausting the server, and the guard
 * against broken publications ({@code minRowRatio} of the previous sheet's rows).
 *
 * @param maxFileBytes the largest workbook file accepted
 * @param maxEntryBytes the largest inflated part of a workbook
 * @param maxTotalBytes the most a workbook may inflate to in all
 * @param maxRatio the highest ratio of inflated to compressed size (a zip bomb's tell)
 * @param maxEntries the most parts a workbook may have
 * @param maxRows the most data rows a sheet may have
 * @param maxCellChars the longest text a cell may hold
 * @param minRowRatio a sheet with fewer rows than this share of the previous accepted
 * sheet of its list is refused as broken
 */
@ConfigurationProperties("end287g.import")
record ImportProperties(@DefaultValue("10485760") long maxFileBytes, @DefaultValue("52428800") long maxEntryBytes,
		@DefaultValue("104857600") long maxTotalBytes, @DefaultValue("200") int maxRatio,
		@DefaultValue("1000") int maxEntries, @DefaultValue("20000") int maxRows,
		@DefaultValue("1000") int maxCellChars, @DefaultValue("0.6") double minRowRatio) {
}
