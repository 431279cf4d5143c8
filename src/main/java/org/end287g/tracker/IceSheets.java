package org.end287g.tracker;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Imports ICE's 287(g) spreadsheets (participating and pending agencies) and keeps the
 * agreements, their statuses and their history derived from the accepted sheets.
 */
public interface IceSheets {

	/**
	 * Imports one sheet. {@code fileName} must be ICE's name (for example
	 * {@code participatingAgencies06272025am.xlsx}): it carries the list and the
	 * publication date. Never throws for bad input: a rejected sheet is a result.
	 */
	ImportResult importSheet(Path file, String fileName, SheetSource source);

	/**
	 * As {@link #importSheet(Path, String, SheetSource)}, reading at most the size limit.
	 */
	ImportResult importSheet(InputStream content, String fileName, SheetSource source);

	/**
	 * True while the latest participating sheet is the one shipped with the app for the
	 * first start (no newer sheet imported yet).
	 */
	boolean firstStartOnly();

}
