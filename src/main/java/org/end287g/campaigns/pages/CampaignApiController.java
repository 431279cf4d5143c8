package org.end287g.campaigns.pages;

import org.end287g.campaigns.targets.CampaignTargets;
import org.end287g.decide.Elections;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's JSON; the lists' JSON is with their pages
 * ({@link CampaignListController}). Its {@code target} is the person who decides (the
 * agency's head, from the directory of the {@code decide} module or as staff typed it),
 * with the agency's facts beside.
 */
@RestController
@RequestMapping(path = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignApiController {

	private final CampaignViews views;

	private final CampaignTargets targets;

	private final Elections elections;

	CampaignApiController(CampaignViews views, CampaignTargets targets, Elections elections) {
		this.views = views;
		this.targets = targets;
		this.elections = elections;
	}

	/** The JSON of one campaign. */
	record ApiCampaign(String slug, String title, ApiTarget target, int goal, long signatures, String status) {
	}

	/**
	 * The target: the person, their office's contacts, the next voting day (primary or
	 * general) for their office ({@code null} when none is recorded), and the agency.
	 */
	record ApiTarget(@Nullable String name, @Nullable String title, Office office, @Nullable String nextElection,
			String agency, String agencySlug, @Nullable String county, String state, String stateName) {
	}

	/** The office's public contacts. */
	record Office(@Nullable String phone, @Nullable String email, @Nullable String address) {
	}

	@GetMapping("/{slug}")
	ApiCampaign campaign(@PathVariable String slug) {
		CampaignViews.Page page = this.views.page(slug);
		CampaignViews.CampaignView view = page.campaign();
		CampaignTargets.Primary head = this.targets.primary(page.record());
		CampaignViews.Target agency = view.target();
		return new ApiCampaign(view.slug(), view.title(),
				new ApiTarget(head.name(), head.title(), new Office(head.phone(), head.email(), head.address()),
						this.elections.nextElection(page.record().agencySlug()).map(Object::toString).orElse(null),
						agency.name(), agency.agencySlug(), agency.county(), agency.state(), agency.stateName()),
				view.goal(), view.signatures(), view.status());
	}

}
