package org.end287g.campaigns.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignPageContributor;
import org.end287g.campaigns.Campaigns;
import org.end287g.places.Places;
import org.end287g.places.ZipCode;
import org.end287g.privacy.ClientAddresses;
import org.end287g.privacy.RateLimitExceededException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
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

	private final Places places;

	private final SignatureSettings settings;

	private final ClientAddresses addresses;

	private final SignatureStore store;

	private final Map<String, Signable> signable = new ConcurrentHashMap<>();

	SignatureController(Campaigns campaigns, CampaignViews views, List<CampaignPageContributor> contributors,
			Places places, SignatureSettings settings, ClientAddresses addresses, SignatureStore store) {
		this.campaigns = campaigns;
		this.views = views;
		this.contributors = contributors;
		this.places = places;
		this.settings = settings;
		this.addresses = addresses;
		this.store = store;
	}

	@PostMapping("/campaigns/{slug}/sign")
	ModelAndView sign(@PathVariable String slug, @RequestParam(required = false) String firstName,
			@RequestParam(required = false) String lastName, @RequestParam(required = false) String email,
			@RequestParam(required = false) String zip, @RequestParam(required = false) String comment,
			@RequestParam(required = false) String showPublicly, @RequestParam(required = false) String campaignUpdates,
			@RequestParam(required = false) String organizationNews, @RequestParam(required = false) String ref,
			HttpServletRequest request, Locale locale) {
		Campaign campaign = signable(slug);
		if (!campaign.gathering()) {
			throw new BadCampaignRequest("signatures.error.closed");
		}
		SignatureForm form = SignatureForm
			.of(firstName, lastName, email, zip, comment, showPublicly, campaignUpdates, organizationNews)
			.withReferral(ref);
		Map<String, String> errors = form.errors(this.places, true);
		if (!errors.isEmpty()) {
			return pageWithErrors(slug, form, errors);
		}
		String city = form.place(this.places).map(ZipCode::city).orElse(null);
		if (this.store.sign(campaign, form, city, locale,
				this.addresses.hash(request)) == SignatureStore.Signed.LIMITED) {
			throw new RateLimitExceededException("signatures-per-address", this.settings.signaturesPerAddressPeriod());
		}
		return seeOther("/campaigns/" + campaign.slug() + "/signed");
	}

	/**
	 * The campaign being signed, from a per-instance cache as old as the counts may be
	 * ({@code end287g.campaigns.count-max-age}): a viral petition is read thousands of
	 * times a second. A campaign closed a moment ago may so take signatures for that
	 * long.
	 */
	private Campaign signable(String slug) {
		long now = System.nanoTime();
		Signable cached = this.signable.get(slug);
		if (cached != null && now - cached.readAt() <= this.settings.countMaxAge().toNanos()) {
			return cached.campaign();
		}
		Campaign campaign = this.campaigns.find(slug).orElseThrow(CampaignNotFound::new);
		if (this.signable.size() > 10_000) {
			this.signable.clear();
		}
		this.signable.put(slug, new Signable(campaign, now));
		return campaign;
	}

	private record Signable(Campaign campaign, long readAt) {
	}

	@GetMapping("/campaigns/{slug}/signed")
	String signed(@PathVariable String slug, org.springframework.ui.Model model) {
		model.addAttribute("campaign", this.views.page(slug).campaign());
		return "campaigns/signed";
	}

	@GetMapping("/campaigns/{slug}/confirm")
	ModelAndView confirmPage(@PathVariable String slug, @RequestParam(required = false) String token) {
		CampaignViews.Page page = this.views.page(slug);
		ModelAndView view = new ModelAndView("campaigns/confirm");
		view.addObject("campaign", page.campaign());
		if (this.store.signatureOf(token).isEmpty()) {
			view.addObject("outcome", SignatureStore.Confirmation.INVALID.name());
			view.setStatus(HttpStatus.BAD_REQUEST);
		}
		else {
			view.addObject("token", token);
		}
		return view;
	}

	@PostMapping("/campaigns/{slug}/confirm")
	ModelAndView confirm(@PathVariable String slug, @RequestParam(required = false) String token) {
		Campaign campaign = this.campaigns.find(slug).orElseThrow(CampaignNotFound::new);
		SignatureStore.Confirmation outcome = this.store.confirm(campaign, token);
		if (outcome == SignatureStore.Confirmation.INVALID) {
			ModelAndView view = new ModelAndView("campaigns/confirm");
			view.addObject("campaign", this.views.page(slug).campaign());
			view.addObject("outcome", outcome.name());
			view.setStatus(HttpStatus.BAD_REQUEST);
			return view;
		}
		return seeOther("/campaigns/" + campaign.slug() + "/confirmed"
				+ ((outcome == SignatureStore.Confirmation.ALREADY) ? "?again=1" : ""));
	}

	@GetMapping("/campaigns/{slug}/confirmed")
	String confirmed(@PathVariable String slug, @RequestParam(required = false) String again,
			org.springframework.ui.Model model) {
		model.addAttribute("campaign", this.views.page(slug).campaign());
		model.addAttribute("outcome", (again != null) ? "ALREADY" : "CONFIRMED");
		return "campaigns/confirm";
	}

	/** The campaign page again, with the form as typed and its errors, answered 400. */
	private ModelAndView pageWithErrors(String slug, SignatureForm form, Map<String, String> errors) {
		CampaignViews.Page page = this.views.page(slug);
		ExtendedModelMap model = new ExtendedModelMap();
		model.addAttribute("campaign", page.campaign());
		model.addAttribute("agreements", page.agreements());
		model.addAttribute("record", page.record());
		model.addAttribute("signatureForm", form.shownBack());
		model.addAttribute("signatureErrors", errors);
		for (CampaignPageContributor contributor : this.contributors) {
			contributor.contribute(page.record(), model);
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
