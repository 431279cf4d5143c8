package org.end287g.campaigns.signing;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.pages.CampaignViews;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Signing a petition: the form's post, the "check your e-mail" page, and the confirmation
 * link's page with its button (a mail scanner that opens the link confirms nothing).
 */
@Controller
class SignatureController {

	private final Campaigns campaigns;

	private final CampaignViews views;

	private final List<CampaignPageContributor> contributors;

	private final OnlineSigning online;

	private final SignatureConfirmationMail confirmationMail;

	private final Signer signer;

	SignatureController(Campaigns campaigns, CampaignViews views, List<CampaignPageContributor> contributors,
			OnlineSigning online, SignatureConfirmationMail confirmationMail, Signer signer) {
		this.campaigns = campaigns;
		this.views = views;
		this.contributors = contributors;
		this.online = online;
		this.confirmationMail = confirmationMail;
		this.signer = signer;
	}

	/**
	 * The signing POST when {@link SigningFilter} did not answer it: renders the outcome
	 * the filter reached (a form with errors, a refusal), or signs when no filter ran.
	 */
	@PostMapping("/campaigns/{slug}/sign")
	ModelAndView sign(@PathVariable String slug, HttpServletRequest request, Locale locale) {
		Signer.Outcome outcome = (request.getAttribute(Signer.OUTCOME) instanceof Signer.Outcome reached) ? reached
				: this.signer.sign(slug, SigningFilter.fields(request), request.getRemoteAddr(), locale);
		return switch (outcome) {
			case Signer.Signed signed -> seeOther("/campaigns/" + signed.slug() + "/signed");
			case Signer.Invalid invalid -> pageWithErrors(invalid.slug(), invalid.form(), locale);
			case Signer.Refused refused -> throw refused.reason();
		};
	}

	@GetMapping("/campaigns/{slug}/signed")
	String signed(@PathVariable String slug, org.springframework.ui.Model model, Locale locale) {
		afterSigning(slug, model, locale);
		return "campaigns/signed";
	}

	@GetMapping("/campaigns/{slug}/confirm")
	ModelAndView confirmPage(@PathVariable String slug, @RequestParam(required = false) @Nullable String token) {
		CampaignViews.Page page = this.views.page(slug);
		ModelAndView view = new ModelAndView("campaigns/confirm");
		view.addObject("campaign", page.campaign());
		if (this.confirmationMail.signatureOf(token).isEmpty()) {
			view.addObject("outcome", SignatureRows.Confirmation.INVALID.name());
			view.setStatus(HttpStatus.BAD_REQUEST);
		}
		else {
			view.addObject("token", token);
		}
		return view;
	}

	@PostMapping("/campaigns/{slug}/confirm")
	ModelAndView confirm(@PathVariable String slug, @RequestParam(required = false) @Nullable String token) {
		Campaign campaign = this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
		SignatureRows.Confirmation outcome = this.online.confirm(campaign, token);
		if (outcome == SignatureRows.Confirmation.INVALID) {
			ModelAndView view = new ModelAndView("campaigns/confirm");
			view.addObject("campaign", this.views.page(slug).campaign());
			view.addObject("outcome", outcome.name());
			view.setStatus(HttpStatus.BAD_REQUEST);
			return view;
		}
		return seeOther("/campaigns/" + campaign.slug() + "/confirmed"
				+ ((outcome == SignatureRows.Confirmation.ALREADY) ? "?again=1" : ""));
	}

	@GetMapping("/campaigns/{slug}/confirmed")
	String confirmed(@PathVariable String slug, @RequestParam(required = false) @Nullable String again,
			org.springframework.ui.Model model, Locale locale) {
		afterSigning(slug, model, locale);
		model.addAttribute("outcome", (again != null) ? "ALREADY" : "CONFIRMED");
		return "campaigns/confirm";
	}

	/**
	 * What the pages after signing and confirming show: the campaign with its count, and
	 * each part's next step (share links, the next event).
	 */
	private void afterSigning(String slug, org.springframework.ui.Model model, Locale locale) {
		CampaignViews.Page page = this.views.page(slug);
		model.addAttribute("campaign", page.campaign());
		model.addAttribute("record", page.record());
		for (CampaignPageContributor contributor : this.contributors) {
			contributor.afterSigning(page.record(), model, locale);
		}
	}

	/** The campaign page again, with the form as typed and its errors, answered 400. */
	private ModelAndView pageWithErrors(String slug, BindingResult form, Locale locale) {
		CampaignViews.Page page = this.views.page(slug);
		ExtendedModelMap model = new ExtendedModelMap();
		model.addAttribute("campaign", page.campaign());
		model.addAttribute("agreements", page.agreements());
		model.addAttribute("record", page.record());
		model.addAttribute("why", page.why());
		ShownBack.into(model, form);
		for (CampaignPageContributor contributor : this.contributors) {
			contributor.contribute(page.record(), model, locale);
		}
		ModelAndView view = new ModelAndView("campaigns/campaign", model);
		view.setStatus(HttpStatus.BAD_REQUEST);
		return view;
	}

	private static ModelAndView seeOther(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

}
