package org.end287g.campaigns.partners;

import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The campaign page names its partners and offers a box per partner in the form. */
@Component
class PartnersPageContributor implements CampaignPageContributor {

	private final CampaignPartners partners;

	PartnersPageContributor(CampaignPartners partners) {
		this.partners = partners;
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		model.addAttribute("partners", this.partners.of(campaign.id()));
	}

}
