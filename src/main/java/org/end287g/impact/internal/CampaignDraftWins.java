package org.end287g.impact.internal;

import java.util.List;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignWon;
import org.end287g.campaigns.Campaigns;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.TrackerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After staff close a campaign as won: its win, for staff to complete and publish. The
 * draft an import opened when the agency's agreements vanished is linked to the campaign
 * when there is one; otherwise a new draft is opened, how UNKNOWN, dated by the close,
 * with the agency's agreement models. One win per campaign, so a run repeated after a
 * failure opens none twice.
 */
@Component
class CampaignDraftWins {

	private static final Logger log = LoggerFactory.getLogger(CampaignDraftWins.class);

	private final Campaigns campaigns;

	private final TrackerReader tracker;

	private final Wins wins;

	CampaignDraftWins(Campaigns campaigns, TrackerReader tracker, Wins wins) {
		this.campaigns = campaigns;
		this.tracker = tracker;
		this.wins = wins;
	}

	// recorded publications name their listener by this id, which survives moving the
	// class
	@ApplicationModuleListener(id = "impact.draft-win-after-campaign-won")
	void campaignWon(CampaignWon won) {
		if (open(won)) {
			log.info("draft win opened or linked for campaign {}", won.campaignId());
		}
	}

	/**
	 * Opens or links the campaign's draft; false when the campaign has its win already.
	 */
	boolean open(CampaignWon won) {
		if (this.wins.campaignLinked(won.campaignId())) {
			return false;
		}
		Campaign campaign = this.campaigns.byId(won.campaignId()).orElse(null);
		if (campaign == null) {
			return false;
		}
		if (this.wins.linkDraft(won.agencySlug(), won.campaignId(), campaign.title(), "system")) {
			return true;
		}
		List<String> models = this.tracker.agency(won.agencySlug())
			.map((profile) -> profile.agreements().stream().map(AgreementView::model).toList())
			.orElse(List.of())
			.stream()
			.filter(Win.MODELS::contains)
			.distinct()
			.sorted()
			.toList();
		String agencyName = this.tracker.agency(won.agencySlug())
			.map((profile) -> profile.agency().name())
			.orElse(campaign.title());
		this.wins.addFromCampaign(
				new Win(0, "", "DRAFT", agencyName, campaign.state(), won.agencySlug(), models,
						won.closedAt().toLocalDate(), "DAY", "UNKNOWN", campaign.title(), null, null, null, List.of()),
				won.campaignId(), "system");
		return true;
	}

}
