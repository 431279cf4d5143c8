package org.end287g.coalitions.internal;

import org.end287g.accounts.Permissions;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.problems.Problem;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who writes a campaign's letters: its leaders and staff. Anyone else gets the same 404
 * as for a campaign or letter that does not exist (an admin who signed in without a
 * passkey, a 403 that says to sign in with one).
 */
@Component
class CampaignAccess {

	private final Campaigns campaigns;

	private final Permissions permissions;

	private final Letters letters;

	CampaignAccess(Campaigns campaigns, Permissions permissions, Letters letters) {
		this.campaigns = campaigns;
		this.permissions = permissions;
		this.letters = letters;
	}

	/** The campaign, when the signed-in person leads it or is staff; else refused. */
	Campaign campaign(String id, Authentication authentication) {
		long campaignId = number(id);
		if (!(this.permissions.leads(authentication, campaignId) || this.permissions.isStaff(authentication))) {
			throw this.permissions.outsideScope(authentication, "campaigns.error.unknown");
		}
		return this.campaigns.byId(campaignId).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	/** The campaign's letter with this id. */
	Letter letter(Campaign campaign, String id) {
		return this.letters.byId(number(id))
			.filter((letter) -> letter.campaignId() == campaign.id())
			.orElseThrow(() -> Problem.notFound("coalitions.error.letter.unknown"));
	}

	private static long number(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw Problem.notFound("campaigns.error.unknown");
		}
	}

}
