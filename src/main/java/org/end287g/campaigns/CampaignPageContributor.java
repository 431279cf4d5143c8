package org.end287g.campaigns;

import java.util.Locale;

import org.springframework.ui.Model;

/**
 * Adds what one part of the campaigns module shows on the public campaign page
 * (signatures, leaders, delivery ...) to its model. Each part renders its own fragment of
 * {@code campaigns/campaign.html}; modules above campaigns (toolkit, events) implement it
 * too and keep their fragments in their own templates folder.
 */
public interface CampaignPageContributor {

	/**
	 * Adds this part's attributes to the campaign page's model.
	 * @param locale the page's language, as the site resolved it (after a {@code ?lang}
	 * switch)
	 */
	void contribute(Campaign campaign, Model model, Locale locale);

	/**
	 * Adds what this part shows on the pages after signing and after confirming (share
	 * links, the next event ...). These pages follow every signature, so only what is
	 * cheap belongs here; nothing by default.
	 * @param locale the page's language
	 */
	default void afterSigning(Campaign campaign, Model model, Locale locale) {
	}

}
