package org.end287g.campaigns.pages;

import java.util.List;

import org.end287g.places.Places;
import org.end287g.places.State;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The lists of campaigns: {@code /campaigns} (every campaign that gathers signatures,
 * closest to its goal first, or one state's), {@code ?zip=} and {@code ?filter=}
 * (needs-leader, close, won), in pages and as JSON. The form fields show what the visitor
 * chose.
 */
@Controller
class CampaignListController {

	private final CampaignLists lists;

	private final CampaignViews views;

	private final Places places;

	CampaignListController(CampaignLists lists, CampaignViews views, Places places) {
		this.lists = lists;
		this.views = views;
		this.places = places;
	}

	@GetMapping(path = "/campaigns", params = { "!zip", "!filter" })
	String all(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String page, Model model) {
		if (state != null && !state.isBlank()) {
			State chosen = this.views.state(state);
			model.addAttribute("state", chosen);
			return list(this.lists.inState(chosen.code(), CampaignLists.page(page)), model);
		}
		model.addAttribute("filter", "all");
		return list(this.lists.gathering(CampaignLists.page(page)), model);
	}

	@GetMapping(path = "/campaigns", params = "zip")
	String near(@RequestParam String zip, @RequestParam(required = false) @Nullable String page, Model model) {
		CampaignLists.Page found = this.lists.near(this.lists.zip(zip), CampaignLists.page(page));
		model.addAttribute("zip", zip.strip());
		return list(found, model);
	}

	@GetMapping(path = "/campaigns", params = { "filter", "!zip" })
	String filtered(@RequestParam String filter, @RequestParam(required = false) @Nullable String page, Model model) {
		model.addAttribute("filter", this.lists.filter(filter));
		return list(this.lists.filtered(filter, CampaignLists.page(page)), model);
	}

	private String list(CampaignLists.Page found, Model model) {
		model.addAttribute("states", this.places.states());
		model.addAttribute("listed", found);
		return "campaigns/list";
	}

	@GetMapping(path = "/api/v1/campaigns", params = { "!zip", "!filter" }, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<CampaignViews.CampaignView> inStateJson(@RequestParam(required = false) @Nullable String state) {
		return this.lists.everyInState(this.views.state(state).code());
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
