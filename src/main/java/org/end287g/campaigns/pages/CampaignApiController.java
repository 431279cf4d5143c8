package org.end287g.campaigns.pages;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The campaigns' JSON contract. */
@RestController
@RequestMapping(path = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignApiController {

	private final CampaignViews views;

	CampaignApiController(CampaignViews views) {
		this.views = views;
	}

	@GetMapping
	List<CampaignViews.CampaignView> list(@RequestParam(required = false) @Nullable String state) {
		return this.views.inState(this.views.state(state).code());
	}

	@GetMapping("/{slug}")
	CampaignViews.CampaignView campaign(@PathVariable String slug) {
		return this.views.page(slug).campaign();
	}

}
