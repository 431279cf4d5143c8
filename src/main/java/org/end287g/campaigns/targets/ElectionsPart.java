package org.end287g.campaigns.targets;

import java.util.List;
import java.util.Locale;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.end287g.decide.Election;
import org.end287g.decide.Elections;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The upcoming elections of the office the campaign presses (its agency's head), with
 * every candidate's answer, on the campaign page; a link to the county's page with all
 * its elections.
 */
@Component
class ElectionsPart implements CampaignPageContributor {

	private final Elections elections;

	ElectionsPart(Elections elections) {
		this.elections = elections;
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		List<Election> upcoming = this.elections.upcomingForAgency(campaign.agencySlug());
		if (upcoming.isEmpty()) {
			return;
		}
		model.addAttribute("campaignElections", upcoming);
		Election first = upcoming.get(0);
		if (first.countyFips() != null) {
			model.addAttribute("campaignElectionsPath",
					"/elections/" + first.state().toLowerCase(Locale.ROOT) + "/" + first.countyFips());
		}
	}

}
