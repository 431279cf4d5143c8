package org.end287g.tracker.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * ICE's SIGNED column: usually an Excel serial number, sometimes text such as
 * {@code 5/6/2025}, {@code 05/082025} or {@code 05062025}. Years outside 1996 (the year
 * 287(g) was enacted) to next year are refused.
 */
final class SignedDates {

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private SignedDates() {
	}

	static Optional<LocalDate> parse(@Nullable String raw) {
		String text = Names.tidy(raw);
		try {
			Optional<LocalDate> date = text.matches("\\d{5}(\\.0+)?") ? Optional.of(serial(text)) : text(text);
			return date.filter(SignedDates::plausible);
		}
		catch (DateTimeException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static LocalDate serial(String text) {
		return EXCEL_EPOCH.plusDays(Long.parseLong(text.replaceFirst("\\.0+$", "")));
	}

	private static Optional<LocalDate> text(String text) {
		if (text.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
			String[] parts = text.split("-");
			return Optional.of(date(parts[0], parts[1], parts[2]));
		}
		String[] parts = text.split("\\s*[/.-]\\s*");
		if (parts.length == 3) {
			return Optional.of(date(fullYear(parts[2]), parts[0], parts[1]));
		}
		if (parts.length == 2 && parts[1].matches("\\d{5,6}")) {
			String dayAndYear = parts[1];
			int split = dayAndYear.length() - 4;
			return Optional.of(date(dayAndYear.substring(split), parts[0], dayAndYear.substring(0, split)));
		}
		if (parts.length == 1 && text.matches("\\d{8}")) {
			return Optional.of(date(text.substring(4), text.substring(0, 2), text.substring(2, 4)));
		}
		return Optional.empty();
	}

	private static String fullYear(String year) {
		return (year.length() == 2) ? "20" + year : year;
	}

	private static LocalDate date(String year, String month, String day) {
		return LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()),
				Integer.parseInt(day.trim()));
	}

	private static boolean plausible(LocalDate date) {
		return date.getYear() >= 1996 && date.getYear() <= Year.now().getValue() + 1;
	}

}
