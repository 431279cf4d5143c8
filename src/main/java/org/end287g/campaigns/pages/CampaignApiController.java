package org.end287g.campaigns.pages;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's JSON; the lists' JSON is with their pages
 * ({@link CampaignListController}).
 */
@RestController
@RequestMapping(path = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignApiController {

	private final CampaignViews views;

	CampaignApiController(CampaignViews views) {
		this.views = views;
	}

	@GetMapping("/{slug}")
	CampaignViews.CampaignView campaign(@PathVariable String slug) {
		return this.views.page(slug).campaign();
	}

}
