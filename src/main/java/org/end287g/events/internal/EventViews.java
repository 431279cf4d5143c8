package org.end287g.events.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the pages, the JSON and the feeds show of events. */
@Component
class EventViews {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Places places;

	private final Clock clock;

	private final String baseUrl;

	EventViews(JdbcClient jdbc, Campaigns campaigns, Places places, ObjectProvider<Clock> clock, SiteAddress site) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.places = places;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.baseUrl = site.baseUrl();
	}

	Instant now() {
		return this.clock.instant();
	}

	String baseUrl() {
		return this.baseUrl;
	}

	String url(Event event) {
		return this.baseUrl + "/events/" + event.slug();
	}

	/** People with a seat, by event. */
	Map<Long, Integer> registered(Collection<Long> ids) {
		Map<Long, Integer> counts = new HashMap<>();
		if (ids.isEmpty()) {
			return counts;
		}
		String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
		this.jdbc
			.sql("select event_id, count(*) from event_registrations where status = 'REGISTERED' and event_id in ("
					+ marks + ") group by event_id")
			.params(List.copyOf(ids))
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	int registered(long id) {
		return registered(List.of(id)).getOrDefault(id, 0);
	}

	/** One event as a page shows it, times in {@code zone}. */
	View view(Event event, int registered, ZoneId zone, Locale locale, boolean showAddress) {
		List<CampaignLink> links = new ArrayList<>();
		for (Long id : event.campaignIds()) {
			this.campaigns.byId(id)
				.ifPresent((campaign) -> links.add(new CampaignLink(campaign.slug(), campaign.title())));
		}
		String stateName = (event.state() != null)
				? this.places.state(event.state()).map(State::name).orElse(event.state()) : null;
		boolean address = event.kind().inPerson() && (showAddress || event.addressPublic());
		Instant now = now();
		return new View(event.id(), event.slug(), event.title(locale), event.titleLanguage(locale),
				event.description(locale), event.descriptionLanguage(locale), event.kind().name(),
				event.kind().messageKey(), event.status().name(),
				EventTimes.span(event.start(), event.end(), zone, locale),
				EventTimes.span(event.start(), event.end(), event.zone(), locale),
				EventTimes.usZones(event.start(), locale), EventTimes.brief(event.start(), zone, locale),
				zone.equals(event.zone()), event.capacity(), registered, Math.max(0, event.capacity() - registered),
				registered >= event.capacity(), event.cancelled(), event.over(now), event.started(now),
				event.kind().inPerson(), event.kind().online(), event.venue(), address ? event.address() : null,
				event.kind().inPerson() ? event.zip() : null, stateName, event.speakers(), event.partners(), links,
				this.baseUrl + "/events/" + event.slug(), googleCalendar(event, locale), outlook(event, locale));
	}

	Optional<String> campaignSlug(long id) {
		return this.campaigns.byId(id).map(Campaign::slug);
	}

	/** The campaign, for links; empty when unknown. */
	java.util.Optional<Campaign> campaign(String slug) {
		return this.campaigns.find(slug);
	}

	/** An event of a page. */
	record View(long id, String slug, String title, String titleLanguage, String description,
			String descriptionLanguage, String kind, String kindKey, String status, String when, String whenThere,
			String usZones, String brief, boolean inEventZone, int capacity, int registered, int seatsLeft,
			boolean full, boolean cancelled, boolean over, boolean started, boolean inPerson, boolean online,
			@Nullable String venue, @Nullable String address, @Nullable String zip, @Nullable String state,
			List<Event.Speaker> speakers, List<String> partners, List<CampaignLink> campaigns, String url,
			String googleCalendar, String outlook) {

		/** The description's paragraphs (separated by a blank line). */
		public List<String> paragraphs() {
			return java.util.Arrays.stream(this.description.split("\n\\s*\n"))
				.map(String::strip)
				.filter((paragraph) -> !paragraph.isEmpty())
				.toList();
		}

	}

	record CampaignLink(String slug, String title) {

	}

	/** "Add to Google Calendar": a template link with the public details. */
	String googleCalendar(Event event, Locale locale) {
		java.time.format.DateTimeFormatter utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(java.time.ZoneOffset.UTC);
		return "https://calendar.google.com/calendar/render?action=TEMPLATE&text=" + encode(event.title(locale))
				+ "&dates=" + utc.format(event.start()) + "/" + utc.format(event.end()) + "&details="
				+ encode(url(event));
	}

	/** "Add to Outlook": the compose deep link with the public details. */
	String outlook(Event event, Locale locale) {
		java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter.ISO_INSTANT;
		return "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
				+ "&subject=" + encode(event.title(locale)) + "&startdt=" + encode(iso.format(event.start()))
				+ "&enddt=" + encode(iso.format(event.end())) + "&body=" + encode(url(event));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The iCalendar entry of an event: public details, or with the place and the online
	 * link for a registered person.
	 */
	Ical.Entry entry(Event event, Locale locale, boolean registered) {
		StringBuilder description = new StringBuilder(event.description(locale));
		description.append("\n\n").append(EventTimes.span(event.start(), event.end(), event.zone(), locale));
		if (registered && event.onlineUrl() != null) {
			description.append("\n\n").append(event.onlineUrl());
		}
		description.append("\n\n").append(url(event));
		String location = null;
		if (event.kind().inPerson() && (registered || event.addressPublic())) {
			location = ((event.venue() != null) ? event.venue() + ", " : "") + event.address();
		}
		else if (event.kind().online() && registered && event.onlineUrl() != null) {
			location = event.onlineUrl();
		}
		return new Ical.Entry(event, url(event), event.title(locale), description.toString(), location);
	}

	String calendar(String name, List<Event> events, Locale locale) {
		return Ical.calendar(name, Ical.host(this.baseUrl), now(),
				events.stream().map((event) -> entry(event, locale, false)).toList());
	}

	/** ZIP code's coordinates, for "near me". */
	java.util.Optional<org.end287g.places.ZipCode> zip(String zip) {
		return this.places.zip(zip);
	}

	java.util.Optional<State> state(String code) {
		return this.places.state(code);
	}

	List<State> states() {
		return this.places.states();
	}

}
