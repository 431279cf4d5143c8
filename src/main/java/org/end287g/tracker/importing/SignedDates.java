package org.end287g.tracker.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * ICE's SIGNED column: usually an Excel serial number, sometimes text such as
 * {@code 5/6/2025}, {@code 05/082025} or {@code 05062025}. Years outside 1996 (the year
 * 287(g) was enacted) to next year are refused.
 */
final class SignedDates {

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	// compiled once: every new row of every sheet is parsed, and the rows of the sheet
	// before when agencies are matched for renames
	private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.0+)?");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	private static final Pattern SEPARATOR = Pattern.compile("\\s*[/.-]\\s*");

	private static final Pattern DAY_AND_YEAR = Pattern.compile("\\d{5,6}");

	private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

	private static final Pattern NUMBER = Pattern.compile("\\s*\\+?\\d{1,9}\\s*");

	private SignedDates() {
	}

	static Optional<LocalDate> parse(@Nullable String raw) {
		String text = Names.tidy(raw);
		try {
			Matcher serial = SERIAL.matcher(text);
			Optional<LocalDate> date = serial.matches()
					? Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(serial.group(1)))) : text(text);
			return date.filter(SignedDates::plausible);
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static Optional<LocalDate> text(String text) {
		Matcher iso = ISO.matcher(text);
		if (iso.matches()) {
			return date(iso.group(1), iso.group(2), iso.group(3));
		}
		String[] parts = SEPARATOR.split(text);
		if (parts.length == 3) {
			return date(fullYear(parts[2]), parts[0], parts[1]);
		}
		if (parts.length == 2 && DAY_AND_YEAR.matcher(parts[1]).matches()) {
			String dayAndYear = parts[1];
			int split = dayAndYear.length() - 4;
			return date(dayAndYear.substring(split), parts[0], dayAndYear.substring(0, split));
		}
		if (parts.length == 1 && EIGHT_DIGITS.matcher(text).matches()) {
			return date(text.substring(4), text.substring(0, 2), text.substring(2, 4));
		}
		return Optional.empty();
	}

	private static String fullYear(String year) {
		return (year.length() == 2) ? "20" + year : year;
	}

	/** The date, empty when a part is not a number (text that is no date is common). */
	private static Optional<LocalDate> date(String year, String month, String day) {
		if (!NUMBER.matcher(year).matches() || !NUMBER.matcher(month).matches() || !NUMBER.matcher(day).matches()) {
			return Optional.empty();
		}
		return Optional.of(LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()),
				Integer.parseInt(day.trim())));
	}

	private static boolean plausible(LocalDate date) {
		return date.getYear() >= 1996 && date.getYear() <= Year.now().getValue() + 1;
	}

}
