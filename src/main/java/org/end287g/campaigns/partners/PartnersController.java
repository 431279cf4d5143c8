package org.end287g.campaigns.partners;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.end287g.accounts.OrganizationDirectory;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff set a campaign's partners on its staff page: one box per organization. An id that
 * is no organization, or too many, is refused as a whole.
 */
@Controller
class PartnersController {

	static final int MAX_PARTNERS = 20;

	private final Campaigns campaigns;

	private final CampaignPartners partners;

	private final OrganizationDirectory organizations;

	PartnersController(Campaigns campaigns, CampaignPartners partners, OrganizationDirectory organizations) {
		this.campaigns = campaigns;
		this.partners = partners;
		this.organizations = organizations;
	}

	@PostMapping("/admin/campaigns/{slug}/partners")
	String partners(@PathVariable String slug,
			@RequestParam(name = "organization", required = false) @Nullable List<String> chosen,
			Authentication authentication, RedirectAttributes redirect) {
		Campaign campaign = this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
		Set<Long> ids = new LinkedHashSet<>();
		for (String value : (chosen != null) ? chosen : List.<String>of()) {
			ids.add(organization(value));
		}
		if (ids.size() > MAX_PARTNERS) {
			throw Problem.badRequest("osdi.partners.error.tooMany", MAX_PARTNERS);
		}
		this.partners.set(campaign.id(), ids, authentication.getName(), OffsetDateTime.now(ZoneOffset.UTC));
		redirect.addFlashAttribute("notice", "osdi.partners.saved");
		return "redirect:/admin/campaigns/" + campaign.slug();
	}

	/** The id of an organization that exists; anything else is refused. */
	private long organization(String value) {
		if (value.length() > 18 || !value.matches("[0-9]+")) {
			throw Problem.badRequest("osdi.partners.error.unknown");
		}
		long id = Long.parseLong(value);
		if (this.organizations.find(id).isEmpty()) {
			throw Problem.badRequest("osdi.partners.error.unknown");
		}
		return id;
	}

}
