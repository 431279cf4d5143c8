package org.end287g.coalitions.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.end287g.campaigns.Campaigns;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A campaign's open and closed letters on its public page, with how many signed; and its
 * partner organizations with their logos.
 */
@Component
class LettersOnCampaignPage implements CampaignPageContributor {

	private final Letters letters;

	private final Campaigns campaigns;

	private final OrganizationLogos logos;

	LettersOnCampaignPage(Letters letters, Campaigns campaigns, OrganizationLogos logos) {
		this.letters = letters;
		this.campaigns = campaigns;
		this.logos = logos;
	}

	/** A letter as the campaign page lists it. */
	record Shown(String slug, String title, String language, boolean open, long signers) {
	}

	@Override
	public void contribute(Campaign campaign, Model model, Locale locale) {
		List<Letter> list = this.letters.publicOfCampaign(campaign.id());
		Map<Long, Long> counts = this.letters.counts(list);
		model.addAttribute("campaignLetters",
				list.stream()
					.map((l) -> new Shown(l.slug(), l.title(locale), l.language(locale), l.open(),
							counts.getOrDefault(l.id(), 0L)))
					.toList());
		model.addAttribute("campaignPartnerLogos", this.logos.of(this.campaigns.partnerIds(campaign.id())));
	}

}
