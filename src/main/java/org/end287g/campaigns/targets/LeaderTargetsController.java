package org.end287g.campaigns.targets;

import org.end287g.accounts.Permissions;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.decide.Officials;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A leader chooses secondary targets from the directory of the campaign's state (on the
 * leader's campaign page). Only the campaign's leaders and staff may, with the same check
 * and refusal as the rest of that page.
 */
@Controller
class LeaderTargetsController {

	private final Campaigns campaigns;

	private final Permissions permissions;

	private final Officials officials;

	LeaderTargetsController(Campaigns campaigns, Permissions permissions, Officials officials) {
		this.campaigns = campaigns;
		this.permissions = permissions;
		this.officials = officials;
	}

	@PostMapping("/leader/campaigns/{id}/targets")
	String add(Authentication authentication, @PathVariable String id,
			@RequestParam(required = false, defaultValue = "") String office, RedirectAttributes redirect) {
		Campaign campaign = allowed(authentication, id);
		Long officeId = parse(office);
		long chosen = (officeId != null) ? officeId : -1;
		boolean inState = this.officials.inState(campaign.state()).stream().anyMatch((o) -> o.officeId() == chosen);
		if (!inState) {
			redirect.addFlashAttribute("targetError", "targets.error.choose");
		}
		else if (this.officials.addTarget(authentication.getName(), campaign.id(), chosen)) {
			redirect.addFlashAttribute("notice", "targets.leader.added");
		}
		else {
			redirect.addFlashAttribute("targetError", "targets.error.already");
		}
		return "redirect:/leader/campaigns/" + campaign.id() + "#targets";
	}

	@PostMapping("/leader/campaigns/{id}/targets/{office}/remove")
	String remove(Authentication authentication, @PathVariable String id, @PathVariable String office,
			RedirectAttributes redirect) {
		Campaign campaign = allowed(authentication, id);
		Long officeId = parse(office);
		if (officeId != null && this.officials.removeTarget(authentication.getName(), campaign.id(), officeId)) {
			redirect.addFlashAttribute("notice", "targets.leader.removed");
		}
		return "redirect:/leader/campaigns/" + campaign.id() + "#targets";
	}

	/**
	 * The campaign when the person leads it or is staff; refused as the dashboard
	 * refuses.
	 */
	private Campaign allowed(Authentication authentication, String id) {
		Long campaignId = parse(id);
		if (campaignId == null) {
			throw Problem.notFound("campaigns.error.unknown");
		}
		if (!(this.permissions.leads(authentication, campaignId) || this.permissions.isStaff(authentication))) {
			throw this.permissions.outsideScope(authentication, "campaigns.error.unknown");
		}
		return this.campaigns.byId(campaignId).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	private static @Nullable Long parse(String value) {
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		long id = Long.parseLong(value);
		return (id > 0) ? id : null;
	}

}
