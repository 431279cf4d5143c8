package org.end287g.campaigns;

import org.end287g.accounts.Permissions;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The campaign a leader's page is about, by the id in its address: given when the
 * signed-in person leads it or is staff. A malformed or unknown id is "not found"; anyone
 * else is refused as {@link Permissions#outsideScope} says (the same 404, or a 403 that
 * tells an admin without a passkey to sign in with one).
 */
@Component
public class LedCampaigns {

	private final Campaigns campaigns;

	private final Permissions permissions;

	LedCampaigns(Campaigns campaigns, Permissions permissions) {
		this.campaigns = campaigns;
		this.permissions = permissions;
	}

	public Campaign allowed(@Nullable Authentication authentication, @Nullable String id) {
		Long campaignId = number(id);
		if (campaignId == null || authentication == null) {
			throw Problem.notFound("campaigns.error.unknown");
		}
		if (!(this.permissions.leads(authentication, campaignId) || this.permissions.isStaff(authentication))) {
			throw this.permissions.outsideScope(authentication, "campaigns.error.unknown");
		}
		return this.campaigns.byId(campaignId).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	/** A positive id of at most 18 digits, or null. */
	private static @Nullable Long number(@Nullable String id) {
		if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		long number = Long.parseLong(id);
		return (number > 0) ? number : null;
	}

}
