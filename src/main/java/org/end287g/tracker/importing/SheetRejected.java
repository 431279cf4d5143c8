package org.end287g.tracker.importing;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A sheet the importer refuses, with a reason whose code names a translated message
 * ({@code import.reject.*}, by its code).
 */
final class SheetRejected extends RuntimeException {

	enum Reason {

		EMPTY, NOT_XLSX, TOO_BIG, ZIP_BOMB, NO_HEADER, TOO_MANY_ROWS, BAD_FILE_NAME, NO_DATE, UNREADABLE

	}

	private final Reason reason;

	private final Object[] arguments;

	private SheetRejected(Reason reason, String detail, Object... arguments) {
		super(reason + ": " + detail);
		this.reason = reason;
		this.arguments = arguments;
	}

	static SheetRejected empty() {
		return new SheetRejected(Reason.EMPTY, "the file is empty");
	}

	static SheetRejected notXlsx(@Nullable String detail) {
		return new SheetRejected(Reason.NOT_XLSX, "not an .xlsx workbook (" + detail + ")");
	}

	static SheetRejected tooBig(long limitBytes) {
		return new SheetRejected(Reason.TOO_BIG, "the file is larger than " + limitBytes + " bytes", limitBytes);
	}

	static SheetRejected zipBomb(@Nullable String detail) {
		return new SheetRejected(Reason.ZIP_BOMB, "the workbook expands too much (" + detail + ")");
	}

	static SheetRejected noHeader(String missing) {
		return new SheetRejected(Reason.NO_HEADER, "no header row with " + missing, missing);
	}

	static SheetRejected tooManyRows(int limit) {
		return new SheetRejected(Reason.TOO_MANY_ROWS, "more than " + limit + " data rows", limit);
	}

	static SheetRejected badFileName(String fileName) {
		return new SheetRejected(Reason.BAD_FILE_NAME,
				"file name is not ICE's (participatingAgenciesMMDDYYYYam.xlsx, pendingAgencies... or a real date): "
						+ fileName,
				fileName);
	}

	static SheetRejected noDate(String fileName) {
		return new SheetRejected(Reason.NO_DATE,
				"the file name has no publication date and none was given (--published, Last-Modified): " + fileName,
				fileName);
	}

	static SheetRejected unreadable(@Nullable String detail) {
		return new SheetRejected(Reason.UNREADABLE, "the workbook cannot be read (" + detail + ")");
	}

	/** What was wrong, in English; every rejection has one. */
	@Override
	public String getMessage() {
		return Objects.requireNonNull(super.getMessage());
	}

	Reason reason() {
		return this.reason;
	}

	String messageKey() {
		return "import.reject." + this.reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	Object[] arguments() {
		return this.arguments;
	}

}
