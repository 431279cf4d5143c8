package org.end287g.events.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.campaigns.Campaign;
import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.end287g.problems.Problem;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public side of events: the list (upcoming, near a ZIP code, in a state, online or
 * in person), an event's page, the iCalendar feeds and the JSON.
 */
@Controller
class EventController {

	/** "Near me": in-person events within 100 miles. */
	static final double NEAR_KM = 160.9;

	/** Feeds keep an event this long after it ended, so calendars see a cancellation. */
	static final Duration FEED_HISTORY = Duration.ofDays(30);

	private final EventStore store;

	private final PublicEvents events;

	private final EventViews views;

	private final MessageSource messages;

	private final EventPartners partners;

	EventController(EventStore store, PublicEvents events, EventViews views, MessageSource messages,
			EventPartners partners) {
		this.partners = partners;
		this.store = store;
		this.events = events;
		this.views = views;
		this.messages = messages;
	}

	/** The list's filters, checked; {@code error} is a message key. */
	record Filter(String zip, String state, String format, @Nullable String error, @Nullable ZipCode place) {

		static Filter of(@Nullable String zip, @Nullable String state, @Nullable String format, EventViews views) {
			String z = TypedText.line(zip);
			String s = TypedText.line(state).toUpperCase(Locale.ROOT);
			String f = TypedText.line(format);
			ZipCode place = null;
			String error = null;
			if (!f.isEmpty() && !f.equals("online") && !f.equals("in-person")) {
				error = "events.filter.error.format";
				f = "";
			}
			if (!s.isEmpty() && (s.length() != 2 || views.state(s).isEmpty())) {
				error = "events.filter.error.state";
				s = "";
			}
			if (!z.isEmpty()) {
				if (!z.matches("[0-9]{5}")) {
					error = "events.filter.error.zip.malformed";
					z = "";
				}
				else {
					place = views.zip(z).orElse(null);
					if (place == null) {
						error = "events.filter.error.zip.unknown";
						z = "";
					}
				}
			}
			return new Filter(z, s, f, error, place);
		}

		boolean accepts(Event event) {
			if ("online".equals(this.format) && !event.kind().online()) {
				return false;
			}
			if ("in-person".equals(this.format) && !event.kind().inPerson()) {
				return false;
			}
			if (!this.state.isEmpty() && !(event.kind().inPerson() && this.state.equals(event.state()))) {
				return false;
			}
			return true;
		}

	}

	/**
	 * Upcoming published events the filter accepts; near a ZIP code only in-person ones.
	 */
	private List<Event> filtered(Filter filter) {
		List<Event> events = new ArrayList<>();
		for (Event event : this.store.upcoming(this.views.now(), false)) {
			if (!filter.accepts(event)) {
				continue;
			}
			if (filter.place() != null) {
				ZipCode there = (event.kind().inPerson() && event.zip() != null)
						? this.views.zip(event.zip()).orElse(null) : null;
				if (there == null || Places.distanceKm(filter.place().latitude(), filter.place().longitude(),
						there.latitude(), there.longitude()) > NEAR_KM) {
					continue;
				}
			}
			events.add(event);
		}
		return events;
	}

	@GetMapping("/events")
	String list(@RequestParam(required = false) @Nullable String zip,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String tz, HttpServletResponse response, Model model,
			Locale locale) {
		Filter filter = Filter.of(zip, state, format, this.views);
		if (filter.error() != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		List<Event> events = filtered(filter);
		Map<Long, Integer> registered = this.views.registered(events.stream().map(Event::id).toList());
		List<EventViews.View> shown = new ArrayList<>();
		for (Event event : events) {
			shown.add(this.views.view(event, registered.getOrDefault(event.id(), 0),
					EventTimes.zoneOr(tz, event.zone()), locale, false));
		}
		model.addAttribute("events", shown);
		model.addAttribute("filter", filter);
		model.addAttribute("states", this.views.states());
		model.addAttribute("zones", EventForm.ZONES);
		model.addAttribute("tz", (EventTimes.zoneOr(tz, null) != null) ? tz : "");
		return "events/list";
	}

	@GetMapping("/events/{slug}")
	String event(@PathVariable String slug, @RequestParam(required = false) @Nullable String tz, Model model,
			Locale locale) {
		Event event = this.events.bySlug(slug);
		ZoneId zone = EventTimes.zoneOr(tz, event.zone());
		model.addAttribute("event", this.views.view(event, this.views.registered(event.id()), zone, locale, false));
		model.addAttribute("zones", EventForm.ZONES);
		model.addAttribute("tz", zone.getId());
		model.addAttribute("questions", event.questions(locale));
		model.addAttribute("questionsLanguage", event.questionsLanguage(locale));
		model.addAttribute("form", RegistrationForm.blank(locale.getLanguage()));
		model.addAttribute("partners", this.partners.of(event.id()));
		model.addAttribute("partnerLogos", this.partners.logos(event.id()));
		return "events/event";
	}

	@GetMapping("/events.ics")
	ResponseEntity<byte[]> feed(Locale locale) {
		List<Event> events = this.store.upcoming(this.views.now().minus(FEED_HISTORY), true);
		return Ical.file(
				this.views.calendar(this.messages.getMessage("events.feed.name", null, locale), events, locale),
				"events.ics");
	}

	@GetMapping("/events/{slug}.ics")
	ResponseEntity<byte[]> eventFile(@PathVariable String slug, Locale locale) {
		Event event = this.events.bySlug(slug);
		return Ical.file(this.views.calendar(event.title(locale), List.of(event), locale), event.slug() + ".ics");
	}

	@GetMapping("/events/campaigns/{slug}.ics")
	ResponseEntity<byte[]> campaignFeed(@PathVariable String slug, Locale locale) {
		Campaign campaign = this.views.campaign(slug).orElseThrow(() -> Problem.notFound("events.error.unknown"));
		List<Event> events = this.store.ofCampaign(campaign.id(), this.views.now().minus(FEED_HISTORY));
		return Ical.file(this.views.calendar(
				this.messages.getMessage("events.feed.campaign", new Object[] { campaign.title() }, locale), events,
				locale), campaign.slug() + "-events.ics");
	}

	@GetMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> api(@RequestParam(required = false) @Nullable String zip,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String format, Locale locale) {
		Filter filter = Filter.of(zip, state, format, this.views);
		if (filter.error() != null) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", this.messages.getMessage(filter.error(), null, locale)));
		}
		List<Event> events = filtered(filter);
		Map<Long, Integer> registered = this.views.registered(events.stream().map(Event::id).toList());
		List<Map<String, Object>> items = new ArrayList<>();
		for (Event event : events) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("slug", event.slug());
			item.put("title", event.titleEn());
			item.put("titleEs", event.titleEs());
			item.put("start", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.localStart()));
			item.put("end", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.localEnd()));
			item.put("timeZone", event.zone().getId());
			item.put("kind", event.kind().name());
			item.put("capacity", event.capacity());
			item.put("registered", registered.getOrDefault(event.id(), 0));
			item.put("state", event.kind().inPerson() ? event.state() : null);
			item.put("url", this.views.url(event));
			item.put("campaigns",
					event.campaignIds()
						.stream()
						.map((id) -> this.views.campaignSlug(id))
						.flatMap(Optional::stream)
						.toList());
			items.add(item);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("generated", DateTimeFormatter.ISO_INSTANT.format(this.views.now()));
		body.put("events", items);
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "max-age=60").body(body);
	}

	Instant now() {
		return this.views.now();
	}

}
