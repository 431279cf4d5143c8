package org.end287g.campaigns.delivery;

import org.end287g.accounts.Permissions;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.problems.Problem;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who reaches a campaign's delivery pages: its leaders and staff. Anyone else gets the
 * same 404 as for a campaign that does not exist (an admin who signed in without a
 * passkey, a 403 that says to sign in with one).
 */
@Component
class DeliveryAccess {

	private final Campaigns campaigns;

	private final Permissions permissions;

	DeliveryAccess(Campaigns campaigns, Permissions permissions) {
		this.campaigns = campaigns;
		this.permissions = permissions;
	}

	/** The campaign, when the signed-in person leads it or is staff; else refused. */
	Campaign allowed(String id, Authentication authentication) {
		long campaignId;
		try {
			campaignId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw Problem.notFound("campaigns.error.unknown");
		}
		if (!(this.permissions.leads(authentication, campaignId) || this.permissions.isStaff(authentication))) {
			throw this.permissions.outsideScope(authentication, "campaigns.error.unknown");
		}
		return this.campaigns.byId(campaignId).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

}
