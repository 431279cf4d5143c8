package org.end287g.tracker;

import java.io.InputStream;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

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
	default ImportResult importSheet(Path file, String fileName, SheetSource source) {
		return importSheet(file, fileName, source, null);
	}

	/**
	 * As {@link #importSheet(Path, String, SheetSource)}, with a publication date for
	 * names that carry none (or, from the command's option, one that replaces the
	 * name's).
	 */
	ImportResult importSheet(Path file, String fileName, SheetSource source, @Nullable PublishedAt date);

	/**
	 * As {@link #importSheet(Path, String, SheetSource)}, reading at most the size limit.
	 */
	default ImportResult importSheet(InputStream content, String fileName, SheetSource source) {
		return importSheet(content, fileName, source, null);
	}

	/**
	 * As {@link #importSheet(InputStream, String, SheetSource)}, with a publication date
	 * for names that carry none.
	 */
	ImportResult importSheet(InputStream content, String fileName, SheetSource source, @Nullable PublishedAt date);

	/**
	 * True while the latest participating sheet is the one shipped with the app for the
	 * first start (no newer sheet imported yet).
	 */
	boolean firstStartOnly();

}
