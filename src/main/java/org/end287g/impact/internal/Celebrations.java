package org.end287g.impact.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.tracker.AgencyCampaigns;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.CampaignCall;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a won campaign's page celebrates: the win (its date, how it ended, its story when
 * staff published one) and the next campaign near it, the gathering campaign of the
 * listed agency whose county lies nearest. A campaign whose agency has a published win
 * celebrates it too, closed or not.
 */
@Component
class Celebrations {

	/** How many of the nearest agencies are asked for a gathering campaign. */
	private static final int CANDIDATES = 40;

	private final Wins wins;

	private final TrackerReader tracker;

	private final Places places;

	private final ObjectProvider<AgencyCampaigns> campaigns;

	Celebrations(Wins wins, TrackerReader tracker, Places places, ObjectProvider<AgencyCampaigns> campaigns) {
		this.wins = wins;
		this.tracker = tracker;
		this.places = places;
		this.campaigns = campaigns;
	}

	/**
	 * A win to celebrate on a campaign's page.
	 *
	 * @param win the agency's latest published win, null when staff have not published
	 * one yet
	 * @param closedOn when staff closed the campaign as won, null when it is not closed
	 * @param next the nearest gathering campaign, null when there is none
	 */
	record Celebration(@Nullable Win win, @Nullable LocalDate closedOn, @Nullable NextCampaign next) {
	}

	/** The next campaign near a win: {@code /campaigns/{slug}}. */
	record NextCampaign(String slug, String name, String state, long miles, long signatures, int goal) {
	}

	Optional<Celebration> of(Campaign campaign) {
		boolean won = campaign.status() == CampaignStatus.WON;
		Win win = this.wins.ofCampaign(campaign.id(), campaign.agencySlug()).orElse(null);
		if (!won && win == null) {
			return Optional.empty();
		}
		LocalDate closedOn = (won && campaign.closedAt() != null) ? campaign.closedAt().toLocalDate() : null;
		return Optional.of(new Celebration(win, closedOn, next(campaign.agencySlug()).orElse(null)));
	}

	/** The gathering campaign nearest the agency's county, other than its own. */
	Optional<NextCampaign> next(String agencySlug) {
		return this.tracker.agency(agencySlug)
			.map((profile) -> profile.agency().county())
			.flatMap((county) -> this.places.county(county.fips()))
			.flatMap((county) -> next(county, agencySlug));
	}

	/** The gathering campaign nearest a county, other than the agency's own. */
	Optional<NextCampaign> next(County from, String agencySlug) {
		AgencyCampaigns calls = this.campaigns.getIfAvailable();
		if (calls == null) {
			return Optional.empty();
		}
		record Near(AgencyView agency, double km) {
		}
		List<Near> nearest = this.tracker.listedAgencies()
			.stream()
			.filter((agency) -> !agency.slug().equals(agencySlug) && agency.county() != null)
			.flatMap((agency) -> this.places.county(agency.county().fips())
				.map((county) -> new Near(agency,
						Places.distanceKm(from.latitude(), from.longitude(), county.latitude(), county.longitude())))
				.stream())
			.sorted(Comparator.comparingDouble(Near::km).thenComparing((n) -> n.agency().name()))
			.limit(CANDIDATES)
			.toList();
		Map<String, CampaignCall> found = calls.calls(nearest.stream().map((n) -> n.agency().slug()).toList());
		for (Near near : nearest) {
			CampaignCall call = found.get(near.agency().slug());
			if (call != null && call.gathering()) {
				return Optional.of(new NextCampaign(call.campaignSlug(), near.agency().name(), near.agency().state(),
						Places.miles(near.km()), call.signatures(), call.goal()));
			}
		}
		return Optional.empty();
	}

}
