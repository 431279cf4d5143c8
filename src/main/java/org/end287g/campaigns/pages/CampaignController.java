package org.end287g.campaigns.pages;

import java.util.List;
import java.util.Locale;

import org.end287g.campaigns.CampaignPageContributor;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public campaign pages: the list by state and one page per campaign. */
@Controller
class CampaignController {

	private final CampaignViews views;

	private final Places places;

	private final List<CampaignPageContributor> contributors;

	CampaignController(CampaignViews views, Places places, List<CampaignPageContributor> contributors) {
		this.views = views;
		this.places = places;
		this.contributors = contributors;
	}

	@GetMapping("/campaigns")
	String list(@RequestParam(required = false) @Nullable String state, Model model) {
		List<State> states = this.places.states();
		model.addAttribute("states", states);
		if (state != null) {
			State chosen = this.views.state(state);
			model.addAttribute("state", chosen);
			model.addAttribute("campaigns", this.views.inState(chosen.code()));
		}
		return "campaigns/list";
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
