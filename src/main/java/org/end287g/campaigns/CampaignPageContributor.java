package org.end287g.campaigns;

import java.util.Locale;

import org.springframework.ui.Model;

/**
 * Adds what one part of the campaigns module shows on the public campaign page
 * (signatures, leaders, delivery ...) to its model. Each part renders its own fragment of
 * {@code campaigns/campaign.html}.
 */
public interface CampaignPageContributor {

	/**
	 * Adds this part's attributes to the campaign page's model.
	 * @param locale the page's language, as the site resolved it (after a {@code ?lang}
	 * switch)
	 */
	void contribute(Campaign campaign, Model model, Locale locale);

}
