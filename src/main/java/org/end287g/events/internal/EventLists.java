package org.end287g.events.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The lists of the event form, one item a line: partners, questions, speakers (name |
 * role | organization) and the campaigns' addresses. {@link EventForm}'s constraints
 * check a list's length and characters; these its lines and how many there are, with an
 * error under the list's name.
 */
final class EventLists {

	static final int MAX_LIST = 2_000;

	static final int MAX_LINE = 200;

	static final int MAX_ITEMS = 20;

	static final int MAX_QUESTIONS = 5;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,120}");

	private EventLists() {
	}

	/** Partners or questions: non-blank lines of at most {@link #MAX_LINE} characters. */
	static List<String> lines(String field, String value, int most, Errors errors) {
		List<String> items = new ArrayList<>();
		if (errors.hasFieldErrors(field)) {
			return items;
		}
		for (String line : value.split("\n")) {
			String item = line.strip();
			if (item.isEmpty()) {
				continue;
			}
			if (item.length() > MAX_LINE || hasControl(item)) {
				errors.rejectValue(field, "events.error." + field + ".malformed");
				return items;
			}
			items.add(item);
		}
		if (items.size() > most) {
			errors.rejectValue(field, "events.error." + field + ".many");
		}
		return items;
	}

	/**
	 * The Spanish of a list given in English, one line for each English line in the same
	 * order, or none at all (a Spanish reader then sees the English); an error under
	 * {@code field} when the lines do not pair up.
	 * @param english the English list, already checked under {@code englishField}
	 */
	static List<String> translations(String field, String value, List<String> english, String englishField,
			Errors errors) {
		List<String> items = lines(field, value, MAX_QUESTIONS, errors);
		if (items.isEmpty() || errors.hasFieldErrors(field) || errors.hasFieldErrors(englishField)) {
			return List.of();
		}
		if (items.size() != english.size()) {
			errors.rejectValue(field, english.isEmpty() ? "events.error." + field + ".withoutEnglish"
					: "events.error." + field + ".count", new Object[] { english.size() }, null);
			return List.of();
		}
		return items;
	}

	static List<Event.Speaker> speakers(String value, Errors errors) {
		List<Event.Speaker> speakers = new ArrayList<>();
		if (errors.hasFieldErrors("speakers")) {
			return speakers;
		}
		for (String line : value.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			Event.Speaker speaker = speaker(line);
			if (speaker == null) {
				errors.rejectValue("speakers", "events.error.speakers.malformed");
				return speakers;
			}
			speakers.add(speaker);
		}
		if (speakers.size() > MAX_ITEMS) {
			errors.rejectValue("speakers", "events.error.speakers.many");
		}
		return speakers;
	}

	/** One line {@code name | role | organization}; {@code null} when malformed. */
	private static Event.@Nullable Speaker speaker(String line) {
		String[] parts = line.split("\\|", -1);
		String name = parts[0].strip();
		String role = (parts.length > 1) ? parts[1].strip() : "";
		String organization = (parts.length > 2) ? parts[2].strip() : "";
		if (parts.length > 3 || name.isEmpty() || name.length() > MAX_LINE || role.length() > MAX_LINE
				|| organization.length() > MAX_LINE || hasControl(line)) {
			return null;
		}
		return new Event.Speaker(name, role.isEmpty() ? null : role, organization.isEmpty() ? null : organization);
	}

	/** The speakers as the form shows them, one a line. */
	static String speakerLines(List<Event.Speaker> speakers) {
		List<String> lines = new ArrayList<>();
		for (Event.Speaker speaker : speakers) {
			lines.add(
					speaker.name() + " | " + nullToEmpty(speaker.role()) + " | " + nullToEmpty(speaker.organization()));
		}
		return String.join("\n", lines);
	}

	/**
	 * The campaigns' addresses, separated by spaces, commas or lines, without repeats;
	 * whether they exist is the controller's check.
	 */
	static List<String> campaigns(String value, Errors errors) {
		if (errors.hasFieldErrors("campaigns")) {
			return List.of();
		}
		Set<String> slugs = new LinkedHashSet<>();
		for (String slug : value.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
			if (slug.isEmpty()) {
				continue;
			}
			if (!SLUG.matcher(slug).matches()) {
				errors.rejectValue("campaigns", "events.error.campaigns.unknown");
				return List.of();
			}
			slugs.add(slug);
		}
		if (slugs.size() > MAX_ITEMS) {
			errors.rejectValue("campaigns", "events.error.campaigns.many");
		}
		return List.copyOf(slugs);
	}

	private static boolean hasControl(String text) {
		return text.chars().anyMatch((c) -> Character.getType(c) == Character.CONTROL);
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
