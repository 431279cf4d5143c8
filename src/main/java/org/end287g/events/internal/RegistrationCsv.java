package org.end287g.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The registrations of an event as CSV (RFC 4180, UTF-8 with a byte order mark for
 * spreadsheets). A cell that a spreadsheet would read as a formula (starting with =, +,
 * -, @, tab or carriage return) gets a leading apostrophe.
 */
final class RegistrationCsv {

	private RegistrationCsv() {
	}

	static byte[] write(Event event, List<Registration> registrations) {
		StringBuilder out = new StringBuilder("\uFEFF");
		List<String> header = new ArrayList<>(List.of("status", "name", "email", "zip", "phone", "language",
				"registered_at", "checked_in_at", "code"));
		header.addAll(event.questions());
		row(out, header);
		for (Registration registration : registrations) {
			List<String> cells = new ArrayList<>(List.of(registration.status().name(), text(registration.name()),
					text(registration.email()), text(registration.zip()), text(registration.phone()),
					registration.language().getLanguage(), registration.createdAt().toString(),
					(registration.checkedInAt() != null) ? registration.checkedInAt().toString() : "",
					registration.code()));
			for (int i = 0; i < event.questions().size(); i++) {
				cells.add((i < registration.answers().size()) ? registration.answers().get(i) : "");
			}
			row(out, cells);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static void row(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(cells.get(i)));
		}
		out.append("\r\n");
	}

	static String cell(String value) {
		String safe = value;
		if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			safe = "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
