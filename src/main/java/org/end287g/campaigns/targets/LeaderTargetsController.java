package org.end287g.campaigns.targets;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.LedCampaigns;
import org.end287g.decide.Officials;
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

	private final LedCampaigns led;

	private final Officials officials;

	LeaderTargetsController(LedCampaigns led, Officials officials) {
		this.led = led;
		this.officials = officials;
	}

	@PostMapping("/leader/campaigns/{id}/targets")
	String add(Authentication authentication, @PathVariable String id,
			@RequestParam(required = false, defaultValue = "") String office, RedirectAttributes redirect) {
		Campaign campaign = this.led.allowed(authentication, id);
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
		Campaign campaign = this.led.allowed(authentication, id);
		Long officeId = parse(office);
		if (officeId != null && this.officials.removeTarget(authentication.getName(), campaign.id(), officeId)) {
			redirect.addFlashAttribute("notice", "targets.leader.removed");
		}
		return "redirect:/leader/campaigns/" + campaign.id() + "#targets";
	}

	private static @Nullable Long parse(String value) {
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		long id = Long.parseLong(value);
		return (id > 0) ? id : null;
	}

}
