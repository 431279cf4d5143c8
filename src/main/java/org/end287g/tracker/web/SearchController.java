package org.end287g.tracker.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.tracker.AgenciesBeforeOurData;
import org.end287g.tracker.search.SearchResults;
import org.end287g.tracker.search.TrackerSearch;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One search box for a ZIP code, a city, a county ("Gaston County, NC") or an agency
 * name, with typos forgiven (see {@link TrackerSearch}); agencies whose agreements ended
 * before our data come from the modules that know them ({@link AgenciesBeforeOurData}).
 */
@Controller
class SearchController {

	private final TrackerSearch search;

	private final CampaignCalls calls;

	private final List<AgenciesBeforeOurData> before;

	SearchController(TrackerSearch search, CampaignCalls calls, List<AgenciesBeforeOurData> before) {
		this.search = search;
		this.calls = calls;
		this.before = before;
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) @Nullable String q, Model model, HttpServletResponse response,
			Locale locale) {
		if (q == null) {
			return "tracker/search";
		}
		SearchResults results = (q.isBlank() || q.length() > TrackerSearch.MAX_LENGTH) ? null : this.search.find(q);
		if (results == null || results.tooManyWords()) {
			response.setStatus(400);
			model.addAttribute("error", refusal(q, results));
			if (results != null) {
				model.addAttribute("q", q.strip());
			}
			return "tracker/search";
		}
		if (results.zip() != null) {
			return "redirect:"
					+ UriComponentsBuilder.fromPath("/near").queryParam("zip", results.zip()).build().toUriString();
		}
		if (results.state() != null) {
			return "redirect:/states/" + results.state().code();
		}
		model.addAttribute("q", q.strip());
		model.addAttribute("results", results);
		model.addAttribute("agencies", results.agencies());
		model.addAttribute("counties", results.counties());
		model.addAttribute("calls", this.calls.ofAgencies(results.agencies()));
		model.addAttribute("endedBefore",
				this.before.stream().flatMap((module) -> module.search(q.strip(), locale).stream()).toList());
		return "tracker/search";
	}

	private static String refusal(String q, @Nullable SearchResults results) {
		if (q.isBlank()) {
			return "search.error.empty";
		}
		return (results != null) ? "search.error.words" : "search.error.long";
	}

}
