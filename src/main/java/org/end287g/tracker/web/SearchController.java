package org.end287g.tracker.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.places.County;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.places.ZipCode;
import org.end287g.tracker.AgencyView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One search box for a ZIP code, a city, a county ("Gaston County, NC") or an agency
 * name, with typos forgiven.
 */
@Controller
class SearchController {

	static final int MAX_LENGTH = 200;

	private static final Pattern ZIP = Pattern.compile("\\d{5}");

	private final Places places;

	private final AgencySearch agencies;

	private final CampaignCalls calls;

	SearchController(Places places, AgencySearch agencies, CampaignCalls calls) {
		this.places = places;
		this.agencies = agencies;
		this.calls = calls;
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) @Nullable String q, Model model, HttpServletResponse response) {
		if (q == null) {
			return "tracker/search";
		}
		if (q.isBlank() || q.length() > MAX_LENGTH) {
			response.setStatus(400);
			model.addAttribute("error", q.isBlank() ? "search.error.empty" : "search.error.long");
			return "tracker/search";
		}
		String query = q.strip();
		model.addAttribute("q", query);
		if (ZIP.matcher(query).matches()) {
			return "redirect:" + UriComponentsBuilder.fromPath("/near").queryParam("zip", query).build().toUriString();
		}
		Where where = Where.parse(query, this.places);
		List<AgencyView> found = this.agencies.find(where.name())
			.stream()
			.filter((agency) -> where.state().map(agency.state()::equals).orElse(true))
			.toList();
		model.addAttribute("counties", counties(where));
		model.addAttribute("agencies", found);
		model.addAttribute("calls", this.calls.ofAgencies(found));
		return "tracker/search";
	}

	private List<County> counties(Where where) {
		Map<String, County> counties = new LinkedHashMap<>();
		for (ZipCode zip : this.places.zipsInCity(where.name(), where.state())) {
			this.places.county(zip.countyFips()).ifPresent((county) -> counties.putIfAbsent(county.fips(), county));
		}
		List<String> states = where.state()
			.map(List::of)
			.orElseGet(() -> this.places.states().stream().map(State::code).toList());
		for (String state : states) {
			this.places.matchCounty(state, where.name())
				.ifPresent((county) -> counties.putIfAbsent(county.fips(), county));
		}
		return List.copyOf(counties.values());
	}

	/** The query split into a name and, after a last comma, an optional state. */
	record Where(String name, Optional<String> state) {

		static Where parse(String query, Places places) {
			int comma = query.lastIndexOf(',');
			if (comma > 0) {
				String tail = query.substring(comma + 1).strip();
				Optional<String> state = (tail.length() <= 30) ? places.state(tail).map(State::code) : Optional.empty();
				if (state.isPresent()) {
					return new Where(query.substring(0, comma).strip(), state);
				}
			}
			return new Where(query, Optional.empty());
		}

	}

}
