package org.end287g.events.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The events part of a leader's campaign dashboard (campaigns' page includes the fragment
 * {@code events/parts/leader}, which asks this bean, named {@code leaderEvents}): the
 * campaign's events that are not over, drafts included, each linked to its organiser
 * page. Campaigns cannot call events (events uses campaigns), so the page asks here.
 */
@Component("leaderEvents")
class LeaderEvents {

	/** The most events the dashboard lists; the leader's events page has them all. */
	static final int MOST = 10;

	private final EventStore store;

	private final EventViews views;

	LeaderEvents(EventStore store, EventViews views) {
		this.store = store;
		this.views = views;
	}

	/** An event as the dashboard lists it. */
	public record Listed(long id, String title, String brief, String statusKey, int registered, int capacity) {

	}

	/** The campaign's events not over yet, soonest first, in the page's language. */
	public List<Listed> ofCampaign(long campaignId) {
		Locale locale = LocaleContextHolder.getLocale();
		Instant now = this.views.now();
		List<Event> events = this.store.ofCampaigns(List.of(campaignId))
			.stream()
			.filter((event) -> !event.over(now) && !event.cancelled())
			.sorted((a, b) -> a.start().compareTo(b.start()))
			.limit(MOST)
			.toList();
		Map<Long, Integer> registered = this.views.registered(events.stream().map(Event::id).toList());
		return events.stream()
			.map((event) -> new Listed(event.id(), event.title(locale),
					EventTimes.brief(event.start(), event.zone(), locale), "events.status." + event.status().name(),
					registered.getOrDefault(event.id(), 0), event.capacity()))
			.toList();
	}

}
