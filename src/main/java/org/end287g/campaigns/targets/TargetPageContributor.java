package org.end287g.campaigns.targets;

import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * "Contact your official" on the campaign page: each target with a script and a letter.
 */
@Component
class TargetPageContributor implements CampaignPageContributor {

	private final CampaignTargets targets;

	TargetPageContributor(CampaignTargets targets) {
		this.targets = targets;
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		model.addAttribute("contactTargets", this.targets.of(campaign, campaign.title(), locale, false));
	}

}
