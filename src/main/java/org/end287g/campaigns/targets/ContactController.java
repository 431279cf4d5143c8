package org.end287g.campaigns.targets;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.decide.ContactKind;
import org.end287g.decide.Officials;
import org.end287g.problems.Problem;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A supporter's side of "contact your official": the printable letter, and "I called" /
 * "I wrote", counted once per person, target and day (a keyed hash of the address, never
 * the address).
 */
@Controller
class ContactController {

	private final Campaigns campaigns;

	private final CampaignTargets targets;

	private final Officials officials;

	ContactController(Campaigns campaigns, CampaignTargets targets, Officials officials) {
		this.campaigns = campaigns;
		this.targets = targets;
		this.officials = officials;
	}

	@GetMapping("/campaigns/{slug}/letter/{office}")
	String letter(@PathVariable String slug, @PathVariable String office, Model model) {
		Campaign campaign = campaign(slug);
		Locale locale = LocaleContextHolder.getLocale();
		CampaignTargets.Target target = this.targets.one(campaign, campaign.title(), id(office), locale);
		if (target == null) {
			throw Problem.notFound("targets.error.unknown");
		}
		model.addAttribute("record", campaign);
		model.addAttribute("target", target);
		return "campaigns/letter";
	}

	@PostMapping("/campaigns/{slug}/contact/{office}/{kind}")
	String contacted(@PathVariable String slug, @PathVariable String office, @PathVariable String kind,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Campaign campaign = campaign(slug);
		ContactKind contact = switch (kind) {
			case "called" -> ContactKind.CALL;
			case "wrote" -> ContactKind.LETTER;
			default -> throw Problem.notFound("targets.error.unknown");
		};
		Locale locale = LocaleContextHolder.getLocale();
		CampaignTargets.Target target = this.targets.one(campaign, campaign.title(), id(office), locale);
		if (target == null || target.officeId() == null) {
			throw Problem.notFound("targets.error.unknown");
		}
		boolean counted = this.officials.recordContact(campaign.id(), target.officeId(), contact,
				request.getRemoteAddr());
		if (!counted) {
			response.setStatus(HttpStatus.OK.value());
		}
		model.addAttribute("record", campaign);
		model.addAttribute("target", target);
		model.addAttribute("counted", counted);
		model.addAttribute("kind", kind);
		return "campaigns/contacted";
	}

	private Campaign campaign(String slug) {
		return this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	private static long id(String value) {
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw Problem.notFound("targets.error.unknown");
		}
		return Long.parseLong(value);
	}

}
