package org.end287g.campaigns.delivery;

import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The public page's delivery and outcome part: the deliveries recorded by leaders and the
 * official's responses.
 */
@Component
class OutcomeContributor implements CampaignPageContributor {

	private final Deliveries deliveries;

	private final Responses responses;

	OutcomeContributor(Deliveries deliveries, Responses responses) {
		this.deliveries = deliveries;
		this.responses = responses;
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		model.addAttribute("deliveries", this.deliveries.of(campaign.id()));
		model.addAttribute("officialResponses", this.responses.of(campaign.id()));
	}

}
