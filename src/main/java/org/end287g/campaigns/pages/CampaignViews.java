package org.end287g.campaigns.pages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.problems.Problem;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** A campaign joined with what the tracker knows now about its target agency. */
@Component
public class CampaignViews {

	private final Campaigns campaigns;

	private final TrackerReader tracker;

	private final Places places;

	private final SignatureCounts counts;

	CampaignViews(Campaigns campaigns, TrackerReader tracker, Places places, SignatureCounts counts) {
		this.campaigns = campaigns;
		this.counts = counts;
		this.tracker = tracker;
		this.places = places;
	}

	/** The campaign and its agreements, or a 404 for anything unknown. */
	public Page page(String slug) {
		Campaign campaign = this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
		Optional<AgencyProfile> profile = this.tracker.agency(campaign.agencySlug());
		AgencyView agency = profile.map(AgencyProfile::agency).orElse(null);
		return new Page(view(campaign, agency, this.counts.count(campaign.id())),
				profile.map(AgencyProfile::agreements).orElse(List.of()), campaign);
	}

	/** A known state's postal code, upper case, or a 400. */
	State state(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw Problem.badRequest("error.param.state");
		}
		if (value.length() != 2 || !value.chars().allMatch((c) -> c < 128 && Character.isLetter(c))) {
			throw Problem.badRequest("error.param.state");
		}
		return this.places.state(value.toUpperCase(Locale.ROOT))
			.orElseThrow(() -> Problem.badRequest("error.param.state"));
	}

	private CampaignView view(Campaign campaign, @Nullable AgencyView agency, long signatures) {
		String name = (agency != null) ? agency.name() : campaign.title();
		String county = (agency != null && agency.county() != null) ? agency.county().name() : null;
		String stateName = this.places.state(campaign.state()).map(State::name).orElse(campaign.state());
		return new CampaignView(campaign.slug(), name,
				new Target(name, county, campaign.state(), stateName,
						(agency != null) ? agency.slug() : campaign.agencySlug()),
				campaign.goal(), signatures, campaign.status().name());
	}

	/** The JSON and page shape of a campaign. */
	public record CampaignView(String slug, String title, Target target, int goal, long signatures, String status) {
	}

	/** The agency a campaign asks to end its agreements. */
	public record Target(String name, @Nullable String county, String state, String stateName, String agencySlug) {
	}

	/** What the public page shows: the view, the agreements and the stored campaign. */
	public record Page(CampaignView campaign, List<AgreementView> agreements, Campaign record) {

		/** The models whose work tells most plainly why, in this order. */
		private static final List<String> WHY = List.of("TFM", "JEM", "WSO");

		/**
		 * The model of a listed agreement that the page's one line of "why" speaks of
		 * (task force first, then jail, then warrants); null when none is listed.
		 */
		public @Nullable String why() {
			return WHY.stream()
				.filter((model) -> this.agreements.stream()
					.anyMatch((agreement) -> agreement.listed() && model.equals(agreement.model())))
				.findFirst()
				.orElse(null);
		}

	}

}
