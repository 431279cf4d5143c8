package org.end287g.toolkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignCounts;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.LedCampaigns;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.problems.Problem;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.TrackerReader;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the toolkit's files and pages say about one campaign: the campaign, its target as
 * the tracker knows it now, the count and the public address.
 */
@Component
class CampaignFacts {

	private final Campaigns campaigns;

	private final TrackerReader tracker;

	private final Places places;

	private final CampaignCounts counts;

	private final MessageSource messages;

	private final SiteAddress site;

	private final LedCampaigns led;

	CampaignFacts(Campaigns campaigns, TrackerReader tracker, Places places, CampaignCounts counts,
			MessageSource messages, SiteAddress site, LedCampaigns led) {
		this.led = led;
		this.campaigns = campaigns;
		this.tracker = tracker;
		this.places = places;
		this.counts = counts;
		this.messages = messages;
		this.site = site;
	}

	/**
	 * One campaign's facts.
	 *
	 * @param agency the target's current name
	 * @param place the county, or the state's name when the county is unknown
	 * @param agreements the agreements still listed (ACTIVE or PENDING)
	 */
	record Facts(Campaign campaign, String agency, String place, String stateName, long count,
			List<AgreementView> agreements, String url, String dataVersion) {

		/** A key that changes whenever anything drawn from these facts may change. */
		String version() {
			return this.dataVersion + "|" + this.count + "|" + this.campaign.goal() + "|" + this.campaign.status() + "|"
					+ this.agency + "|" + this.campaign.petitionLanguage() + "|"
					+ ((this.campaign.petitionText() != null) ? this.campaign.petitionText().hashCode() : 0);
		}

	}

	/** The facts of the campaign with this slug, or a 404. */
	Facts of(String slug) {
		Campaign campaign = this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
		return of(campaign);
	}

	/** The facts of the campaign with this id, or a 404. */
	Facts of(long id) {
		return of(this.campaigns.byId(id).orElseThrow(() -> Problem.notFound("campaigns.error.unknown")));
	}

	/**
	 * The facts of a campaign when the person leads it or is staff; "not found" for any
	 * malformed id, and anyone else is refused as {@link LedCampaigns} says.
	 */
	Facts led(Authentication authentication, String id) {
		return of(this.led.allowed(authentication, id));
	}

	Facts of(Campaign campaign) {
		String version = this.tracker.dataVersion();
		Optional<AgencyProfile> profile = this.tracker.agency(campaign.agencySlug());
		AgencyView agency = profile.map(AgencyProfile::agency).orElse(null);
		String name = (agency != null) ? agency.name() : campaign.title();
		String stateName = this.places.state(campaign.state()).map(State::name).orElse(campaign.state());
		String county = (agency != null && agency.county() != null) ? agency.county().name() : null;
		String place = (county != null) ? county : stateName;
		List<AgreementView> agreements = profile.map(AgencyProfile::agreements)
			.orElse(List.of())
			.stream()
			.filter(AgreementView::listed)
			.toList();
		return new Facts(campaign, name, place, stateName, this.counts.count(campaign.id()), agreements,
				this.site.link("/campaigns/" + campaign.slug()), version);
	}

	/**
	 * The petition in the leaders' text (in the language they wrote it), else the sample
	 * in the asked language.
	 */
	String petition(Facts facts, Locale language) {
		if (facts.campaign().petitionText() != null) {
			return facts.campaign().petitionText();
		}
		return this.messages.getMessage("campaigns.petition.text",
				new Object[] { facts.agency(), facts.place(), facts.stateName() }, language);
	}

}
