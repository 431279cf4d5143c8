package org.end287g.coalitions.internal;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.LedCampaigns;
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

	private final LedCampaigns led;

	private final Letters letters;

	CampaignAccess(LedCampaigns led, Letters letters) {
		this.led = led;
		this.letters = letters;
	}

	/** The campaign, when the signed-in person leads it or is staff; else refused. */
	Campaign campaign(String id, Authentication authentication) {
		return this.led.allowed(authentication, id);
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
