package org.end287g.tracker.web;

import java.util.Locale;
import java.util.Optional;

import org.end287g.places.Places;
import org.end287g.problems.Problem;
import org.end287g.tracker.AgreementFilter;
import org.end287g.tracker.StateTotals;
import org.end287g.tracker.TrackerPictures;
import org.end287g.tracker.TrackerReader;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The list of states and one page per state with its map and agreements. */
@Controller
class StateController {

	private final TrackerReader reader;

	private final TrackerPictures pictures;

	private final ParameterRules rules;

	private final Places places;

	StateController(TrackerReader reader, TrackerPictures pictures, ParameterRules rules, Places places) {
		this.reader = reader;
		this.pictures = pictures;
		this.rules = rules;
		this.places = places;
	}

	@GetMapping("/states")
	String states(Model model) {
		model.addAttribute("states", this.reader.stateTotals());
		return "tracker/states";
	}

	@GetMapping("/states/{code}")
	String state(@PathVariable String code, Model model, Locale locale) {
		String state = known(code);
		StateTotals totals = this.reader.stateTotals()
			.stream()
			.filter((s) -> s.code().equals(state))
			.findFirst()
			.orElseThrow(() -> TrackerProblems.unknownState(code));
		model.addAttribute("state", totals);
		model.addAttribute("active", this.reader.agreements(filter(state, "ACTIVE")));
		model.addAttribute("pending", this.reader.agreements(filter(state, "PENDING")));
		model.addAttribute("removed", this.reader.agreements(filter(state, "REMOVED")));
		model.addAttribute("map", this.pictures.stateMap(state, locale));
		return "tracker/state";
	}

	private String known(String code) {
		try {
			return this.rules.state(code);
		}
		catch (Problem ex) {
			throw TrackerProblems.unknownState(code);
		}
	}

	private static AgreementFilter filter(String state, String status) {
		return new AgreementFilter(Optional.of(state), Optional.empty(), Optional.of(status), Optional.empty());
	}

}
