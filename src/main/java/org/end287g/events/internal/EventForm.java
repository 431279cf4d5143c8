package org.end287g.events.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The organisers' event form: what was typed, its errors (message keys by field) and,
 * when there are none, the values to store. Text is bound as SQL parameters and escaped
 * when shown, so script and SQL in a title are harmless words; times, zones, numbers, ZIP
 * codes and links are strict.
 */
final class EventForm {

	static final String[] FIELDS = { "titleEn", "titleEs", "descriptionEn", "descriptionEs", "kind", "startDate",
			"startTime", "endDate", "endTime", "timeZone", "capacity", "venue", "address", "zip", "addressPublic",
			"onlineUrl", "partners", "speakers", "questions", "campaigns" };

	/** The zones offered first, the way organisers in the United States think of them. */
	static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
			"America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico");

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 10_000;

	static final int MAX_LINE = 200;

	static final int MAX_ADDRESS = 500;

	static final int MAX_URL = 500;

	static final int MAX_LIST = 2_000;

	static final int MAX_ITEMS = 20;

	static final int MAX_QUESTIONS = 5;

	static final int MAX_CAPACITY = 100_000;

	static final Duration MAX_LENGTH = Duration.ofDays(31);

	private static final Pattern ZIP = Pattern.compile("[0-9]{5}");

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,120}");

	private static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cc}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	final Map<String, String> values = new LinkedHashMap<>();

	final Map<String, String> errors = new LinkedHashMap<>();

	/** The parsed values once {@link #errors} is empty. */
	Draft draft;

	record Draft(String titleEn, String titleEs, String descriptionEn, String descriptionEs, Event.Kind kind,
			Instant start, Instant end, ZoneId zone, int capacity, String venue, String address, String zip,
			boolean addressPublic, String onlineUrl, List<String> partners, List<Event.Speaker> speakers,
			List<String> questions, List<String> campaignSlugs) {

	}

	/** The form of a stored event, for editing. */
	static EventForm of(Event event, List<String> campaignSlugs) {
		EventForm form = new EventForm();
		form.values.put("titleEn", event.titleEn());
		form.values.put("titleEs", nullToEmpty(event.titleEs()));
		form.values.put("descriptionEn", event.descriptionEn());
		form.values.put("descriptionEs", nullToEmpty(event.descriptionEs()));
		form.values.put("kind", event.kind().name());
		form.values.put("startDate", event.localStart().toLocalDate().toString());
		form.values.put("startTime", event.localStart().toLocalTime().toString());
		form.values.put("endDate", event.localEnd().toLocalDate().toString());
		form.values.put("endTime", event.localEnd().toLocalTime().toString());
		form.values.put("timeZone", event.zone().getId());
		form.values.put("capacity", Integer.toString(event.capacity()));
		form.values.put("venue", nullToEmpty(event.venue()));
		form.values.put("address", nullToEmpty(event.address()));
		form.values.put("zip", nullToEmpty(event.zip()));
		form.values.put("addressPublic", event.addressPublic() ? "yes" : "");
		form.values.put("onlineUrl", nullToEmpty(event.onlineUrl()));
		form.values.put("partners", String.join("\n", event.partners()));
		List<String> speakers = new ArrayList<>();
		for (Event.Speaker speaker : event.speakers()) {
			speakers.add(
					speaker.name() + " | " + nullToEmpty(speaker.role()) + " | " + nullToEmpty(speaker.organization()));
		}
		form.values.put("speakers", String.join("\n", speakers));
		form.values.put("questions", String.join("\n", event.questions()));
		form.values.put("campaigns", String.join("\n", campaignSlugs));
		return form;
	}

	/** An empty form: one hour, a week from now, in Eastern time. */
	static EventForm blank() {
		EventForm form = new EventForm();
		for (String field : FIELDS) {
			form.values.put(field, "");
		}
		form.values.put("kind", Event.Kind.ONLINE.name());
		form.values.put("timeZone", ZONES.get(0));
		form.values.put("capacity", "100");
		return form;
	}

	/**
	 * Reads and checks a submitted form.
	 * @param now the current time: a new or moved event must start after it
	 * @param previousStart the stored start of the event being edited, {@code null} for a
	 * new one (an unchanged start in the past is allowed)
	 * @param knownZip whether a ZIP code exists
	 */
	static EventForm read(Map<String, String> params, Instant now, Instant previousStart,
			java.util.function.Predicate<String> knownZip) {
		EventForm form = new EventForm();
		for (String field : FIELDS) {
			String value = params.get(field);
			form.values.put(field, (value == null || value.length() > MAX_DESCRIPTION * 2) ? "" : value);
		}
		form.check(params, now, previousStart, knownZip);
		return form;
	}

	private void check(Map<String, String> params, Instant now, Instant previousStart,
			java.util.function.Predicate<String> knownZip) {
		String titleEn = line(params, "titleEn", MAX_TITLE, true);
		String titleEs = line(params, "titleEs", MAX_TITLE, false);
		String descriptionEn = text(params, "descriptionEn", MAX_DESCRIPTION, true);
		String descriptionEs = text(params, "descriptionEs", MAX_DESCRIPTION, false);
		Event.Kind kind = null;
		try {
			kind = Event.Kind.valueOf(strip(params.get("kind")));
		}
		catch (IllegalArgumentException ex) {
			this.errors.put("kind", "events.error.kind");
		}
		ZoneId zone = null;
		String zoneName = strip(params.get("timeZone"));
		if (zoneName.isEmpty()) {
			this.errors.put("timeZone", "events.error.timeZone.required");
		}
		else if (zoneName.length() > 64 || !ZoneId.getAvailableZoneIds().contains(zoneName)) {
			this.errors.put("timeZone", "events.error.timeZone.unknown");
		}
		else {
			zone = ZoneId.of(zoneName);
		}
		Instant start = time(params, "start", zone);
		Instant end = time(params, "end", zone);
		if (start != null && end != null) {
			if (!end.isAfter(start)) {
				this.errors.put("endDate", "events.error.end.beforeStart");
			}
			else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
				this.errors.put("endDate", "events.error.end.tooLong");
			}
			if (!start.isAfter(now) && !start.equals(previousStart)) {
				this.errors.put("startDate", "events.error.start.past");
			}
		}
		int capacity = 0;
		String capacityText = strip(params.get("capacity"));
		if (capacityText.isEmpty()) {
			this.errors.put("capacity", "events.error.capacity.required");
		}
		else {
			try {
				capacity = Integer.parseInt(capacityText);
				if (capacity < 1) {
					this.errors.put("capacity", "events.error.capacity.positive");
				}
				else if (capacity > MAX_CAPACITY) {
					this.errors.put("capacity", "events.error.capacity.large");
				}
			}
			catch (NumberFormatException ex) {
				this.errors.put("capacity", capacityText.matches("-?[0-9]{1,30}") ? "events.error.capacity.large"
						: "events.error.capacity.malformed");
			}
		}
		boolean inPerson = kind != null && kind.inPerson();
		boolean online = kind != null && kind.online();
		String venue = line(params, "venue", MAX_LINE, false);
		String address = line(params, "address", MAX_ADDRESS, inPerson);
		String zip = strip(params.get("zip"));
		if (zip.isEmpty()) {
			if (inPerson) {
				this.errors.put("zip", "events.error.zip.required");
			}
			zip = null;
		}
		else if (!ZIP.matcher(zip).matches()) {
			this.errors.put("zip", "events.error.zip.malformed");
		}
		else if (!knownZip.test(zip)) {
			this.errors.put("zip", "events.error.zip.unknown");
		}
		String onlineUrl = url(params.get("onlineUrl"), online);
		List<String> partners = partners(params.get("partners"));
		List<Event.Speaker> speakers = speakers(params.get("speakers"));
		List<String> questions = questions(params.get("questions"));
		List<String> campaigns = campaigns(params.get("campaigns"));
		if (this.errors.isEmpty()) {
			this.draft = new Draft(titleEn, titleEs, descriptionEn, descriptionEs, kind, start, end, zone, capacity,
					inPerson ? venue : null, inPerson ? address : null, inPerson ? zip : null,
					inPerson && "yes".equals(params.get("addressPublic")), online ? onlineUrl : null, partners,
					speakers, questions, campaigns);
		}
	}

	private Instant time(Map<String, String> params, String which, ZoneId zone) {
		String dateField = which + "Date";
		String timeField = which + "Time";
		String date = strip(params.get(dateField));
		String time = strip(params.get(timeField));
		if (date.isEmpty()) {
			this.errors.put(dateField, "events.error." + which + ".date.required");
			return null;
		}
		if (time.isEmpty()) {
			this.errors.put(timeField, "events.error." + which + ".time.required");
			return null;
		}
		LocalDate day;
		LocalTime hour;
		try {
			day = LocalDate.parse(date);
			if (day.getYear() < 2000 || day.getYear() > 2100) {
				throw new DateTimeException("out of range");
			}
		}
		catch (DateTimeException ex) {
			this.errors.put(dateField, "events.error." + which + ".date.malformed");
			return null;
		}
		try {
			if (time.length() > 8) {
				throw new DateTimeParseException("long", time, 0);
			}
			hour = LocalTime.parse(time);
		}
		catch (DateTimeException ex) {
			this.errors.put(timeField, "events.error." + which + ".time.malformed");
			return null;
		}
		if (zone == null) {
			return null;
		}
		LocalDateTime local = LocalDateTime.of(day, hour);
		if (zone.getRules().getValidOffsets(local).isEmpty()) {
			// the clocks skip this hour when daylight saving time starts
			this.errors.put(timeField, "events.error." + which + ".time.gap");
			return null;
		}
		return local.atZone(zone).toInstant();
	}

	private String line(Map<String, String> params, String field, int max, boolean required) {
		String value = strip(params.get(field));
		if (value.isEmpty()) {
			if (required) {
				this.errors.put(field, "events.error." + field + ".required");
			}
			return null;
		}
		if (value.length() > max) {
			this.errors.put(field, "events.error." + field + ".long");
		}
		else if (ANY_CONTROL.matcher(value).find()) {
			this.errors.put(field, "events.error." + field + ".malformed");
		}
		return value;
	}

	private String text(Map<String, String> params, String field, int max, boolean required) {
		String value = multiline(params.get(field));
		if (value.isEmpty()) {
			if (required) {
				this.errors.put(field, "events.error." + field + ".required");
			}
			return null;
		}
		if (value.length() > max) {
			this.errors.put(field, "events.error." + field + ".long");
		}
		else if (CONTROL.matcher(value).find()) {
			this.errors.put(field, "events.error." + field + ".malformed");
		}
		return value;
	}

	private String url(String raw, boolean required) {
		String value = strip(raw);
		if (value.isEmpty()) {
			if (required) {
				this.errors.put("onlineUrl", "events.error.onlineUrl.required");
			}
			return null;
		}
		if (value.length() > MAX_URL) {
			this.errors.put("onlineUrl", "events.error.onlineUrl.long");
			return null;
		}
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null
					|| ANY_CONTROL.matcher(value).find()) {
				this.errors.put("onlineUrl", "events.error.onlineUrl.malformed");
				return null;
			}
			return uri.toString();
		}
		catch (URISyntaxException ex) {
			this.errors.put("onlineUrl", "events.error.onlineUrl.malformed");
			return null;
		}
	}

	private List<String> partners(String raw) {
		return lines("partners", raw, MAX_ITEMS);
	}

	private List<String> questions(String raw) {
		return lines("questions", raw, MAX_QUESTIONS);
	}

	/**
	 * The non-blank lines of a list field, each checked; an error under the field's name
	 * ({@code events.error.<field>.long}, {@code .malformed}, {@code .many}).
	 */
	private List<String> lines(String field, String raw, int most) {
		List<String> items = new ArrayList<>();
		String value = multiline(raw);
		if (value.length() > MAX_LIST) {
			this.errors.put(field, "events.error." + field + ".long");
			return items;
		}
		for (String line : value.split("\n")) {
			String item = line.strip();
			if (item.isEmpty()) {
				continue;
			}
			if (item.length() > MAX_LINE || ANY_CONTROL.matcher(item).find()) {
				this.errors.put(field, "events.error." + field + ".malformed");
				return items;
			}
			items.add(item);
		}
		if (items.size() > most) {
			this.errors.put(field, "events.error." + field + ".many");
		}
		return items;
	}

	private List<Event.Speaker> speakers(String raw) {
		List<Event.Speaker> speakers = new ArrayList<>();
		String value = multiline(raw);
		if (value.length() > MAX_LIST) {
			this.errors.put("speakers", "events.error.speakers.long");
			return speakers;
		}
		for (String line : value.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			String name = parts[0].strip();
			String role = (parts.length > 1) ? parts[1].strip() : "";
			String organization = (parts.length > 2) ? parts[2].strip() : "";
			if (parts.length > 3 || name.isEmpty() || name.length() > MAX_LINE || role.length() > MAX_LINE
					|| organization.length() > MAX_LINE || ANY_CONTROL.matcher(line).find()) {
				this.errors.put("speakers", "events.error.speakers.malformed");
				return speakers;
			}
			speakers.add(new Event.Speaker(name, role.isEmpty() ? null : role,
					organization.isEmpty() ? null : organization));
		}
		if (speakers.size() > MAX_ITEMS) {
			this.errors.put("speakers", "events.error.speakers.many");
		}
		return speakers;
	}

	private List<String> campaigns(String raw) {
		Set<String> slugs = new LinkedHashSet<>();
		String value = strip(raw);
		if (value.length() > MAX_LIST) {
			this.errors.put("campaigns", "events.error.campaigns.long");
			return List.of();
		}
		for (String slug : value.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
			if (slug.isEmpty()) {
				continue;
			}
			if (!SLUG.matcher(slug).matches()) {
				this.errors.put("campaigns", "events.error.campaigns.unknown");
				return List.of();
			}
			slugs.add(slug);
		}
		if (slugs.size() > MAX_ITEMS) {
			this.errors.put("campaigns", "events.error.campaigns.many");
		}
		return List.copyOf(slugs);
	}

	static String strip(String value) {
		return (value == null) ? "" : value.strip();
	}

	static String multiline(String value) {
		return (value == null) ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

}
