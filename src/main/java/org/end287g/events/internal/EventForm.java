package org.end287g.events.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.end287g.validation.EnumName;
import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.end287g.validation.UsZip;
import org.end287g.validation.WebAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * The organisers' event form as typed. Bean Validation checks each text on its own; the
 * rest (times in the event's zone, capacity, what the kind of event requires, the lists)
 * is checked by {@link #draft}, which also gives the values to store. Script and SQL in a
 * title are harmless words: values are bound as SQL parameters and escaped when shown.
 */
record EventForm(
		@PlainText(max = EventForm.MAX_TITLE, required = "{events.error.titleEn.required}",
				tooLong = "{events.error.titleEn.long}", message = "{events.error.titleEn.malformed}") String titleEn,
		@PlainText(max = EventForm.MAX_TITLE, tooLong = "{events.error.titleEs.long}",
				message = "{events.error.titleEs.malformed}") String titleEs,
		@PlainText(max = EventForm.MAX_DESCRIPTION, multiline = true,
				required = "{events.error.descriptionEn.required}", tooLong = "{events.error.descriptionEn.long}",
				message = "{events.error.descriptionEn.malformed}") String descriptionEn,
		@PlainText(max = EventForm.MAX_DESCRIPTION, multiline = true, tooLong = "{events.error.descriptionEs.long}",
				message = "{events.error.descriptionEs.malformed}") String descriptionEs,
		@EnumName(value = Event.Kind.class, message = "{events.error.kind}") String kind, String startDate,
		String startTime, String endDate, String endTime, String timeZone, String capacity,
		@PlainText(max = EventLists.MAX_LINE, tooLong = "{events.error.venue.long}",
				message = "{events.error.venue.malformed}") String venue,
		@PlainText(max = EventForm.MAX_ADDRESS, tooLong = "{events.error.address.long}",
				message = "{events.error.address.malformed}") String address,
		@UsZip(message = "{events.error.zip.malformed}", unknown = "{events.error.zip.unknown}") String zip,
		String addressPublic,
		@WebAddress(max = EventForm.MAX_URL, tooLong = "{events.error.onlineUrl.long}",
				message = "{events.error.onlineUrl.malformed}") String onlineUrl,
		@PlainText(max = EventLists.MAX_LIST, multiline = true, tooLong = "{events.error.partners.long}",
				message = "{events.error.partners.malformed}") String partners,
		@PlainText(max = EventLists.MAX_LIST, multiline = true, tooLong = "{events.error.speakers.long}",
				message = "{events.error.speakers.malformed}") String speakers,
		@PlainText(max = EventLists.MAX_LIST, multiline = true, tooLong = "{events.error.questions.long}",
				message = "{events.error.questions.malformed}") String questions,
		@PlainText(max = EventLists.MAX_LIST, multiline = true, tooLong = "{events.error.questionsEs.long}",
				message = "{events.error.questionsEs.malformed}") String questionsEs,
		@PlainText(max = EventLists.MAX_LIST, multiline = true, tooLong = "{events.error.campaigns.long}",
				message = "{events.error.campaigns.unknown}") String campaigns) {

	/** The zones offered first, the way organisers in the United States think of them. */
	static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
			"America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico");

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 10_000;

	static final int MAX_ADDRESS = 500;

	static final int MAX_URL = 500;

	static final int MAX_CAPACITY = 100_000;

	static final Duration MAX_LENGTH = Duration.ofDays(31);

	/** The checked values to store. */
	record Draft(String titleEn, @Nullable String titleEs, String descriptionEn, @Nullable String descriptionEs,
			Event.Kind kind, Instant start, Instant end, ZoneId zone, int capacity, @Nullable String venue,
			@Nullable String address, @Nullable String zip, boolean addressPublic, @Nullable String onlineUrl,
			List<String> partners, List<Event.Speaker> speakers, List<String> questions, List<String> questionsEs) {

	}

	EventForm {
		titleEn = TypedText.line(titleEn);
		titleEs = TypedText.line(titleEs);
		descriptionEn = TypedText.lines(descriptionEn);
		descriptionEs = TypedText.lines(descriptionEs);
		kind = TypedText.line(kind);
		startDate = TypedText.line(startDate);
		startTime = TypedText.line(startTime);
		endDate = TypedText.line(endDate);
		endTime = TypedText.line(endTime);
		timeZone = TypedText.line(timeZone);
		capacity = TypedText.line(capacity);
		venue = TypedText.line(venue);
		address = TypedText.line(address);
		zip = TypedText.line(zip);
		addressPublic = TypedText.line(addressPublic);
		onlineUrl = TypedText.line(onlineUrl);
		partners = TypedText.lines(partners);
		speakers = TypedText.lines(speakers);
		questions = TypedText.lines(questions);
		questionsEs = TypedText.lines(questionsEs);
		campaigns = TypedText.lines(campaigns);
	}

	/** The form of a stored event, for editing. */
	static EventForm of(Event event, List<String> campaignSlugs) {
		ZonedDateTime start = event.localStart();
		ZonedDateTime end = event.localEnd();
		return new EventForm(event.titleEn(), shown(event.titleEs()), event.descriptionEn(),
				shown(event.descriptionEs()), event.kind().name(), start.toLocalDate().toString(),
				start.toLocalTime().toString(), end.toLocalDate().toString(), end.toLocalTime().toString(),
				event.zone().getId(), Integer.toString(event.capacity()), shown(event.venue()), shown(event.address()),
				shown(event.zip()), event.addressPublic() ? "yes" : "", shown(event.onlineUrl()),
				String.join("\n", event.partners()), EventLists.speakerLines(event.speakers()),
				String.join("\n", event.questions()), String.join("\n", event.questionsEs()),
				String.join("\n", campaignSlugs));
	}

	/** An empty form in Eastern time for 100 people, for the campaigns given. */
	static EventForm blank(String campaigns) {
		return new EventForm("", "", "", "", Event.Kind.ONLINE.name(), "", "", "", "", ZONES.get(0), "100", "", "", "",
				"", "", "", "", "", "", campaigns);
	}

	/**
	 * Checks what Bean Validation cannot check field by field and gives the values to
	 * store, or {@code null} when the form has errors.
	 * @param now the current time: a new or moved event must start after it
	 * @param previousStart the stored start of the event being edited, {@code null} for a
	 * new one (an unchanged start in the past is allowed)
	 */
	@Nullable Draft draft(Instant now, @Nullable Instant previousStart, Errors errors) {
		Event.Kind chosen = errors.hasFieldErrors("kind") ? null : Event.Kind.valueOf(this.kind);
		ZoneId zone = zone(errors);
		Instant start = time("start", this.startDate, this.startTime, zone, errors);
		Instant end = time("end", this.endDate, this.endTime, zone, errors);
		if (start != null && end != null) {
			if (!end.isAfter(start)) {
				errors.rejectValue("endDate", "events.error.end.beforeStart");
			}
			else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
				errors.rejectValue("endDate", "events.error.end.tooLong");
			}
			if (!start.isAfter(now) && !start.equals(previousStart)) {
				errors.rejectValue("startDate", "events.error.start.past");
			}
		}
		int people = capacity(errors);
		boolean inPerson = chosen != null && chosen.inPerson();
		boolean online = chosen != null && chosen.online();
		requiredFor(inPerson, "address", this.address, "events.error.address.required", errors);
		requiredFor(inPerson, "zip", this.zip, "events.error.zip.required", errors);
		requiredFor(online, "onlineUrl", this.onlineUrl, "events.error.onlineUrl.required", errors);
		List<String> partnerList = EventLists.lines("partners", this.partners, EventLists.MAX_ITEMS, errors);
		List<Event.Speaker> speakerList = EventLists.speakers(this.speakers, errors);
		List<String> questionList = EventLists.lines("questions", this.questions, EventLists.MAX_QUESTIONS, errors);
		List<String> spanishQuestions = EventLists.translations("questionsEs", this.questionsEs, questionList,
				"questions", errors);
		if (errors.hasErrors() || chosen == null || zone == null || start == null || end == null) {
			// each of those is missing only with an error on its field
			return null;
		}
		return new Draft(this.titleEn, orNull(this.titleEs), this.descriptionEn, orNull(this.descriptionEs), chosen,
				start, end, zone, people, inPerson ? orNull(this.venue) : null, inPerson ? this.address : null,
				inPerson ? this.zip : null, inPerson && "yes".equals(this.addressPublic),
				online ? this.onlineUrl : null, partnerList, speakerList, questionList, spanishQuestions);
	}

	/** The campaign addresses the form names, checked for shape only. */
	List<String> campaignSlugs(Errors errors) {
		return EventLists.campaigns(this.campaigns, errors);
	}

	private @Nullable ZoneId zone(Errors errors) {
		if (this.timeZone.isEmpty()) {
			errors.rejectValue("timeZone", "events.error.timeZone.required");
		}
		else if (this.timeZone.length() > 64 || !ZoneId.getAvailableZoneIds().contains(this.timeZone)) {
			errors.rejectValue("timeZone", "events.error.timeZone.unknown");
		}
		else {
			return ZoneId.of(this.timeZone);
		}
		return null;
	}

	/** A day and an hour in the zone as an instant; {@code null} with an error. */
	private static @Nullable Instant time(String which, String date, String time, @Nullable ZoneId zone,
			Errors errors) {
		String dateField = which + "Date";
		String timeField = which + "Time";
		String key = "events.error." + which;
		if (date.isEmpty()) {
			errors.rejectValue(dateField, key + ".date.required");
			return null;
		}
		if (time.isEmpty()) {
			errors.rejectValue(timeField, key + ".time.required");
			return null;
		}
		LocalDate day = day(date);
		if (day == null) {
			errors.rejectValue(dateField, key + ".date.malformed");
			return null;
		}
		LocalTime hour = hour(time);
		if (hour == null) {
			errors.rejectValue(timeField, key + ".time.malformed");
			return null;
		}
		if (zone == null) {
			return null;
		}
		LocalDateTime local = LocalDateTime.of(day, hour);
		if (zone.getRules().getValidOffsets(local).isEmpty()) {
			// the clocks skip this hour when daylight saving time starts
			errors.rejectValue(timeField, key + ".time.gap");
			return null;
		}
		return local.atZone(zone).toInstant();
	}

	private static @Nullable LocalDate day(String date) {
		try {
			LocalDate day = LocalDate.parse(date);
			return (day.getYear() < 2000 || day.getYear() > 2100) ? null : day;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static @Nullable LocalTime hour(String time) {
		try {
			return (time.length() > 8) ? null : LocalTime.parse(time);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private int capacity(Errors errors) {
		if (this.capacity.isEmpty()) {
			errors.rejectValue("capacity", "events.error.capacity.required");
			return 0;
		}
		try {
			int people = Integer.parseInt(this.capacity);
			if (people < 1) {
				errors.rejectValue("capacity", "events.error.capacity.positive");
			}
			else if (people > MAX_CAPACITY) {
				errors.rejectValue("capacity", "events.error.capacity.large");
			}
			return people;
		}
		catch (NumberFormatException ex) {
			errors.rejectValue("capacity", this.capacity.matches("-?[0-9]{1,30}") ? "events.error.capacity.large"
					: "events.error.capacity.malformed");
			return 0;
		}
	}

	/** A field the kind of event needs (an address in person, a link online). */
	private static void requiredFor(boolean needed, String field, String value, String key, Errors errors) {
		if (needed && value.isEmpty()) {
			errors.rejectValue(field, key);
		}
	}

	private static @Nullable String orNull(String value) {
		return value.isEmpty() ? null : value;
	}

	/** A stored value as the form shows it: empty for none. */
	private static String shown(@Nullable String stored) {
		return (stored != null) ? stored : "";
	}

}
