package org.end287g.campaigns.pages;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /campaigns?zip=} and {@code /campaigns?filter=} (needs-leader, close, won), in
 * pages and as JSON; the list by state stays with {@link CampaignController}.
 */
@Controller
class CampaignListController {

	private final CampaignLists lists;

	private final org.end287g.places.Places places;

	CampaignListController(CampaignLists lists, org.end287g.places.Places places) {
		this.lists = lists;
		this.places = places;
	}

	@GetMapping(path = "/campaigns", params = "zip")
	String near(@RequestParam String zip, @RequestParam(required = false) @Nullable String page, Model model) {
		model.addAttribute("states", this.places.states());
		model.addAttribute("zip", zip);
		CampaignLists.Page found = this.lists.near(this.lists.zip(zip), CampaignLists.page(page));
		model.addAttribute("listed", found);
		model.addAttribute("campaigns", found.campaigns());
		return "campaigns/list";
	}

	@GetMapping(path = "/campaigns", params = { "filter", "!zip" })
	String filtered(@RequestParam String filter, @RequestParam(required = false) @Nullable String page, Model model) {
		model.addAttribute("states", this.places.states());
		model.addAttribute("filter", this.lists.filter(filter));
		CampaignLists.Page found = this.lists.filtered(filter, CampaignLists.page(page));
		model.addAttribute("listed", found);
		model.addAttribute("campaigns", found.campaigns());
		return "campaigns/list";
	}

	@GetMapping(path = "/api/v1/campaigns", params = "zip", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<CampaignViews.CampaignView> nearJson(@RequestParam String zip,
			@RequestParam(required = false) @Nullable String page) {
		return this.lists.near(this.lists.zip(zip), CampaignLists.page(page)).campaigns();
	}

	@GetMapping(path = "/api/v1/campaigns", params = { "filter", "!zip" }, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<CampaignViews.CampaignView> filteredJson(@RequestParam String filter,
			@RequestParam(required = false) @Nullable String page) {
		return this.lists.filtered(this.lists.filter(filter), CampaignLists.page(page)).campaigns();
	}

}
