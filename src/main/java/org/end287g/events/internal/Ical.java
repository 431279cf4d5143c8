package org.end287g.events.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes iCalendar (RFC 5545) files: the public feeds and the file of a registration.
 * Times are written in UTC, which every calendar converts to its reader's zone and which
 * cannot drift across a daylight-saving change; the event's own zone is named in the
 * description. Text is escaped and lines are folded at 75 octets.
 */
final class Ical {

	static final String MEDIA_TYPE = "text/calendar";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final StringBuilder out = new StringBuilder();

	/** One event of a calendar, as written. */
	record Entry(Event event, String url, String summary, String description, @Nullable String location) {

	}

	private Ical() {
	}

	/** A calendar as the answer to a request: a file to open, kept five minutes. */
	static ResponseEntity<byte[]> file(String text, String name) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
			.header(HttpHeaders.CACHE_CONTROL, "max-age=300")
			.body(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A calendar of events.
	 * @param host the site's host name, which makes the events' UIDs unique
	 */
	static String calendar(String name, String host, Instant stamp, List<Entry> entries) {
		Ical ical = new Ical();
		ical.line("BEGIN:VCALENDAR");
		ical.line("VERSION:2.0");
		ical.line("PRODID:-//end287g//events//EN");
		ical.line("CALSCALE:GREGORIAN");
		ical.line("METHOD:PUBLISH");
		ical.property("X-WR-CALNAME", name);
		for (Entry entry : entries) {
			Event event = entry.event();
			ical.line("BEGIN:VEVENT");
			ical.line("UID:event-" + event.id() + "@" + host);
			ical.line("DTSTAMP:" + UTC.format(stamp));
			ical.line("SEQUENCE:" + event.sequence());
			ical.line("DTSTART:" + UTC.format(event.start()));
			ical.line("DTEND:" + UTC.format(event.end()));
			ical.property("SUMMARY", entry.summary());
			ical.property("DESCRIPTION", entry.description());
			if (entry.location() != null && !entry.location().isBlank()) {
				ical.property("LOCATION", entry.location());
			}
			ical.line("URL:" + entry.url());
			ical.line("STATUS:" + (event.cancelled() ? "CANCELLED" : "CONFIRMED"));
			ical.line("END:VEVENT");
		}
		ical.line("END:VCALENDAR");
		return ical.out.toString();
	}

	private void property(String name, String text) {
		line(name + ":" + escape(text));
	}

	/** Backslash, semicolon, comma and line breaks escaped; other controls dropped. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		String value = (text != null) ? text.replace("\r\n", "\n").replace('\r', '\n') : "";
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				default -> {
					if (!Character.isISOControl(c)) {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/** Folds a content line at 75 octets without splitting a UTF-8 character. */
	private void line(String content) {
		int octets = 0;
		int i = 0;
		while (i < content.length()) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				this.out.append("\r\n ");
				octets = 1;
			}
			this.out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		this.out.append("\r\n");
	}

	/** Lower-case host of a base address, for UIDs. */
	static String host(String baseUrl) {
		try {
			String host = java.net.URI.create(baseUrl).getHost();
			return (host != null) ? host.toLowerCase(Locale.ROOT) : "end287g";
		}
		catch (IllegalArgumentException ex) {
			return "end287g";
		}
	}

}
