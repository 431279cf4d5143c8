package org.end287g.site;

import java.util.Locale;

import org.end287g.tracker.TrackerPictures;
import org.end287g.tracker.TrackerReader;
import org.end287g.tracker.TrackerStats;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: national totals, the map, the history chart and the search box. */
@Controller
class HomeController {

	private final TrackerReader reader;

	private final TrackerPictures pictures;

	HomeController(TrackerReader reader, TrackerPictures pictures) {
		this.reader = reader;
		this.pictures = pictures;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
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
		return "home";
	}

}
