package org.end287g.campaigns;

import org.springframework.ui.Model;

/**
 * Adds what one part of the campaigns module shows on the public campaign page
 * (signatures, leaders, delivery ...) to its model. Each part renders its own fragment of
 * {@code campaigns/campaign.html}.
 */
public interface CampaignPageContributor {

	void contribute(Campaign campaign, Model model);

}
