package org.end287g.tracker.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICE's file name carries the list and the publication date:
 * {@code participatingAgencies05162025am.xlsx}. AM sheets are dated 00:00, PM 12:00.
 */
record SheetFileName(String list, LocalDateTime publishedAt) {

	private static final Pattern NAME = Pattern
		.compile("(?i)(participating|pending)agencies[_ -]?(\\d{2})(\\d{2})(\\d{4})[_ -]?(am|pm)?");

	static SheetFileName parse(String fileName) {
		Matcher matcher = NAME.matcher((fileName != null) ? fileName.replace(" ", "") : "");
		if (!matcher.find()) {
			throw SheetRejected.badFileName(String.valueOf(fileName));
		}
		String list = matcher.group(1).toUpperCase(Locale.ROOT);
		try {
			LocalDate day = LocalDate.of(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3)));
			boolean afternoon = "pm".equalsIgnoreCase(matcher.group(5));
			return new SheetFileName(list, day.atTime(afternoon ? 12 : 0, 0));
		}
		catch (DateTimeException ex) {
			throw SheetRejected.badFileName(fileName);
		}
	}

	boolean participating() {
		return "PARTICIPATING".equals(this.list);
	}

}
