package org.end287g.tracker.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.end287g.tracker.DateSource;
import org.end287g.tracker.PublishedAt;
import org.jspecify.annotations.Nullable;

/**
 * ICE's file name carries the list and, most of the time, the publication date. ICE has
 * used many forms: {@code participatingAgencies05162025am.xlsx},
 * {@code 287gParticipatingAgencies091526pm.xlsx} (two-digit year),
 * {@code ParticipatingAgency091826am.xlsx}, {@code participatingAgencies06222026.xlsx}
 * (no half day), {@code participatingAgencies04212026am 12.15.07 AM.xlsx} (a timestamp,
 * which gives the time of day), with copies' suffixes such as {@code _b} or {@code (1)};
 * the pending list likewise. AM sheets are dated 00:00, PM 12:00, a sheet without either
 * 00:00. The name never decides whether two files are the same sheet: their checksum
 * does.
 */
record SheetFileName(String list, LocalDateTime publishedAt, DateSource dateSource) {

	private static final Pattern LIST = Pattern.compile("(?i)(participating|pending)[ _-]?agenc(?:ies|y)");

	private static final Pattern DATE = Pattern
		.compile("(?i)^[ _-]?(\\d{2})(\\d{2})(\\d{4}|\\d{2})(?!\\d)[ _-]?(am|pm)?(?![a-z])");

	private static final Pattern TIMESTAMP = Pattern
		.compile("(?i)^[ _-]*(\\d{1,2})[.:](\\d{2})[.:](\\d{2})[ _-]*(am|pm)(?![a-z])");

	/**
	 * Files of one publication time: no suffix first, then suffixes by length and text.
	 */
	static final Comparator<String> ORDER = Comparator
		.comparing((String fileName) -> orderingTime(fileName), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing((fileName) -> !fileName.toLowerCase(Locale.ROOT).contains("participating"))
		.thenComparing(SheetFileName::suffix, Comparator.comparingInt(String::length).thenComparing((s) -> s))
		.thenComparing((fileName) -> fileName);

	SheetFileName(String list, LocalDateTime publishedAt) {
		this(list, publishedAt, DateSource.NAME);
	}

	/** The list and date from the name alone; a name without a date is refused. */
	static SheetFileName parse(String fileName) {
		return parse(fileName, null);
	}

	/**
	 * The list from the name and the date from the name or, when the name has none (or
	 * the given date is the operator's option), from the given date.
	 */
	static SheetFileName parse(@Nullable String fileName, @Nullable PublishedAt given) {
		String name = (fileName != null) ? fileName : "";
		Matcher list = LIST.matcher(name);
		if (!list.find()) {
			throw SheetRejected.badFileName(name);
		}
		String listName = list.group(1).toUpperCase(Locale.ROOT);
		if (given != null && given.overridesName()) {
			return new SheetFileName(listName, given.at(), given.source());
		}
		LocalDateTime named = dateAfter(name, list.end());
		if (named != null) {
			return new SheetFileName(listName, named, DateSource.NAME);
		}
		if (given != null) {
			return new SheetFileName(listName, given.at(), given.source());
		}
		throw SheetRejected.noDate(name);
	}

	/**
	 * The date right after the list's words, with the time of day of a timestamp suffix;
	 * {@code null} when the name has none; refused when it is not a real date.
	 */
	private static @Nullable LocalDateTime dateAfter(String name, int from) {
		Matcher date = DATE.matcher(name.substring(from));
		if (!date.find()) {
			return null;
		}
		try {
			int year = Integer.parseInt(date.group(3));
			LocalDate day = LocalDate.of((year < 100) ? 2000 + year : year, Integer.parseInt(date.group(1)),
					Integer.parseInt(date.group(2)));
			LocalTime time = timestamp(name.substring(from + date.end()));
			if (time == null) {
				time = LocalTime.of("pm".equalsIgnoreCase(date.group(4)) ? 12 : 0, 0);
			}
			return day.atTime(time);
		}
		catch (DateTimeException | NumberFormatException ex) {
			throw SheetRejected.badFileName(name);
		}
	}

	private static @Nullable LocalTime timestamp(String rest) {
		Matcher time = TIMESTAMP.matcher(rest);
		if (!time.find()) {
			return null;
		}
		int hour = Integer.parseInt(time.group(1));
		if (hour < 1 || hour > 12) {
			throw new DateTimeException("hour " + hour);
		}
		hour = (hour % 12) + ("pm".equalsIgnoreCase(time.group(4)) ? 12 : 0);
		return LocalTime.of(hour, Integer.parseInt(time.group(2)), Integer.parseInt(time.group(3)));
	}

	/**
	 * What follows the date (or the list's words), without the extension: {@code _b},
	 * {@code (1)}... empty for ICE's own name.
	 */
	static String suffix(String fileName) {
		String name = fileName.replaceFirst("(?i)\\.xlsx$", "");
		Matcher list = LIST.matcher(name);
		if (!list.find()) {
			return name;
		}
		String rest = name.substring(list.end());
		Matcher date = DATE.matcher(rest);
		if (date.find()) {
			rest = rest.substring(date.end());
			Matcher time = TIMESTAMP.matcher(rest);
			rest = time.find() ? rest.substring(time.end()) : rest;
		}
		return rest.trim();
	}

	/**
	 * The publication time the name gives, for ordering; {@code null} when it gives none.
	 */
	static @Nullable LocalDateTime orderingTime(String fileName) {
		try {
			return parse(fileName).publishedAt();
		}
		catch (SheetRejected ex) {
			return null;
		}
	}

	boolean participating() {
		return "PARTICIPATING".equals(this.list);
	}

}
