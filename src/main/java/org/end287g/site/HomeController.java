package org.end287g.site;

import java.util.List;
import java.util.Locale;

import org.end287g.tracker.TrackerPictures;
import org.end287g.tracker.TrackerReader;
import org.end287g.tracker.TrackerStats;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the ask (a ZIP code leading to the campaigns near the visitor), the
 * campaigns closest to their goal and won, then the national totals, the map, the history
 * chart and the search box. Kept by the page cache, so its counts may be seconds old.
 */
@Controller
class HomeController {

	/** Campaigns in each of the home page's short lists. */
	static final int HIGHLIGHTS = 3;

	private final TrackerReader reader;

	private final TrackerPictures pictures;

	private final ObjectProvider<CampaignHighlights> campaigns;

	private final List<HomePageContributor> contributors;

	HomeController(TrackerReader reader, TrackerPictures pictures, ObjectProvider<CampaignHighlights> campaigns,
			List<HomePageContributor> contributors) {
		this.reader = reader;
		this.pictures = pictures;
		this.campaigns = campaigns;
		this.contributors = contributors;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		CampaignHighlights highlights = this.campaigns.getIfAvailable();
		model.addAttribute("highlights",
				(highlights != null) ? highlights.highlights(HIGHLIGHTS) : CampaignHighlights.Highlights.NONE);
		TrackerStats stats = this.reader.stats();
		model.addAttribute("stats", stats);
		model.addAttribute("empty", stats.asOf() == null && stats.active().agreements() == 0
				&& stats.pending().agreements() == 0 && stats.removed().agreements() == 0);
		model.addAttribute("firstStartOnly", this.reader.firstStartOnly());
		model.addAttribute("history", this.reader.listedHistory());
		model.addAttribute("chart", this.pictures.listedChart(locale));
		model.addAttribute("map", this.pictures.nationalMap(locale));
		model.addAttribute("states",
				this.reader.stateTotals()
					.stream()
					.filter((state) -> state.active() + state.pending() + state.removed() > 0)
					.toList());
		this.contributors.forEach((contributor) -> contributor.home(model, locale));
		return "home";
	}

}
