package org.end287g.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The events' part of a campaign's public page: its next published events and the partner
 * groups they name; after signing, the next one with its Register link. Read once per
 * campaign every two seconds on each instance (at once after a change on this one): a
 * shared campaign page is read thousands of times a second.
 */
@Component
class CampaignEventsPart implements CampaignPageContributor {

	static final int SHOWN = 3;

	private static final long MAX_AGE_NANOS = Duration.ofSeconds(2).toNanos();

	private final EventStore store;

	private final Clock clock;

	private final Map<Long, Read> read = new ConcurrentHashMap<>();

	CampaignEventsPart(EventStore store, ObjectProvider<Clock> clock) {
		this.store = store;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** An upcoming event as the campaign page lists it. */
	record Upcoming(String slug, String title, String titleLanguage, String when, @Nullable String usZones,
			String kindKey) {
	}

	private record Read(List<Event> events, long at, long writes) {
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		List<Event> events = upcoming(campaign.id());
		model.addAttribute("campaignEvents", events.stream().map((event) -> shown(event, locale)).toList());
		Set<String> partners = new LinkedHashSet<>();
		events.forEach((event) -> partners.addAll(event.partners()));
		model.addAttribute("campaignPartners", List.copyOf(partners));
	}

	@Override
	public void afterSigning(Campaign campaign, Model model, Locale locale) {
		List<Event> events = upcoming(campaign.id());
		model.addAttribute("nextEvent", events.isEmpty() ? null : shown(events.get(0), locale));
	}

	/** The campaign's next published events that have not ended, soonest first. */
	List<Event> upcoming(long campaignId) {
		long now = System.nanoTime();
		long writes = this.store.writes();
		Read read = this.read.get(campaignId);
		if (read == null || now - read.at() > MAX_AGE_NANOS || read.writes() != writes) {
			if (this.read.size() > 10_000) {
				this.read.clear();
			}
			Instant instant = this.clock.instant();
			read = new Read(this.store.ofCampaign(campaignId, instant)
				.stream()
				.filter((event) -> event.status() == Event.Status.PUBLISHED && event.end().isAfter(instant))
				.limit(SHOWN)
				.toList(), now, writes);
			this.read.put(campaignId, read);
		}
		return read.events();
	}

	private static Upcoming shown(Event event, Locale locale) {
		return new Upcoming(event.slug(), event.title(locale), event.titleLanguage(locale),
				EventTimes.brief(event.start(), event.zone(), locale),
				event.kind().online() ? EventTimes.usZones(event.start(), locale) : null, event.kind().messageKey());
	}

}
