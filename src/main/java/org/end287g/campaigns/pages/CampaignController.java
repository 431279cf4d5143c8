package org.end287g.campaigns.pages;

import java.util.List;
import java.util.Locale;

import org.end287g.campaigns.CampaignPageContributor;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One public page per campaign; the lists are {@link CampaignListController}'s. */
@Controller
class CampaignController {

	private final CampaignViews views;

	private final List<CampaignPageContributor> contributors;

	CampaignController(CampaignViews views, List<CampaignPageContributor> contributors) {
		this.views = views;
		this.contributors = contributors;
	}

	@GetMapping("/campaigns/{slug}")
	String campaign(@PathVariable String slug, Model model, Locale locale, CsrfToken csrf) {
		CampaignViews.Page page = this.views.page(slug);
		model.addAttribute("campaign", page.campaign());
		model.addAttribute("agreements", page.agreements());
		model.addAttribute("record", page.record());
		model.addAttribute("why", page.why());
		for (CampaignPageContributor contributor : this.contributors) {
			contributor.contribute(page.record(), model, locale);
		}
		signingFormTokenBeforeRendering(csrf);
		return "campaigns/campaign";
	}

	/**
	 * Makes the signing form's CSRF token now. Spring Security makes it when the form
	 * first asks for it; by then the head (with the toolkit's card tags) and a long
	 * petition may have filled the response buffer and sent it, too late for the token's
	 * cookie.
	 */
	private static void signingFormTokenBeforeRendering(CsrfToken csrf) {
		if (csrf != null) {
			csrf.getToken();
		}
	}

}
