package org.end287g.events.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * How times read: in a chosen zone with its abbreviation, and across the main US zones
 * the way organisers write them ("5 PM ET / 4 PM CT / 2 PM PT").
 */
final class EventTimes {

	/**
	 * The zones organisers list, with the abbreviation that covers standard and daylight
	 * time.
	 */
	static final List<String[]> US_ZONES = List.of(new String[] { "America/New_York", "ET" },
			new String[] { "America/Chicago", "CT" }, new String[] { "America/Los_Angeles", "PT" });

	private EventTimes() {
	}

	/** "5 PM ET / 4 PM CT / 2 PM PT" ("5:30 p. m. ET..." in Spanish). */
	static String usZones(Instant instant, Locale locale) {
		List<String> parts = new ArrayList<>();
		for (String[] zone : US_ZONES) {
			parts.add(shortTime(instant.atZone(ZoneId.of(zone[0])), locale) + " " + zone[1]);
		}
		return String.join(" / ", parts);
	}

	/** "5 PM", "5:30 PM"; "5 p. m." in Spanish. */
	static String shortTime(ZonedDateTime time, Locale locale) {
		int hour = time.getHour() % 12;
		String text = Integer.toString((hour == 0) ? 12 : hour);
		if (time.getMinute() != 0) {
			text += String.format(Locale.ROOT, ":%02d", time.getMinute());
		}
		boolean pm = time.getHour() >= 12;
		if (spanish(locale)) {
			return text + (pm ? " p. m." : " a. m.");
		}
		return text + (pm ? " PM" : " AM");
	}

	/** "Thursday, November 12, 2026". */
	static String date(ZonedDateTime time, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(time);
	}

	/** "5:00 PM" in English, "17:00" in Spanish. */
	static String time(ZonedDateTime time, Locale locale) {
		return DateTimeFormatter.ofPattern(spanish(locale) ? "H:mm" : "h:mm a", locale).format(time);
	}

	/**
	 * "Thursday, November 12, 2026, 5:00 PM – 6:30 PM EST" in a zone; an end on another
	 * day names its date too.
	 */
	static String span(Instant start, Instant end, ZoneId zone, Locale locale) {
		ZonedDateTime from = start.atZone(zone);
		ZonedDateTime to = end.atZone(zone);
		String zoneName = DateTimeFormatter.ofPattern("zzz", locale).format(to);
		String text = date(from, locale) + ", " + time(from, locale) + " – ";
		if (!from.toLocalDate().equals(to.toLocalDate())) {
			text += date(to, locale) + ", ";
		}
		return text + time(to, locale) + " " + zoneName;
	}

	/** "Thu, Nov 12, 5:00 PM EST": for lists. */
	static String brief(Instant start, ZoneId zone, Locale locale) {
		ZonedDateTime from = start.atZone(zone);
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(from) + ", "
				+ time(from, locale) + " " + DateTimeFormatter.ofPattern("zzz", locale).format(from);
	}

	/** A zone a visitor asked for, when it exists; else {@code fallback}. */
	@Contract("_, !null -> !null")
	static @Nullable ZoneId zoneOr(@Nullable String requested, @Nullable ZoneId fallback) {
		if (requested == null || requested.length() > 64
				|| !java.time.ZoneId.getAvailableZoneIds().contains(requested)) {
			return fallback;
		}
		return ZoneId.of(requested);
	}

	private static boolean spanish(Locale locale) {
		return "es".equals(locale.getLanguage());
	}

}
