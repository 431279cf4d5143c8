package org.end287g.tracker.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.end287g.places.Places;
import org.end287g.problems.Problem;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.AgreementFilter;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.CampaignCall;
import org.end287g.tracker.StateTotals;
import org.end287g.tracker.TrackerPageContributor;
import org.end287g.tracker.TrackerPictures;
import org.end287g.tracker.TrackerReader;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The list of states and one page per state with its campaigns, its map and its
 * agreements.
 */
@Controller
class StateController {

	/** Campaigns shown on a state's page, most signatures first; the rest on its list. */
	static final int TOP_CAMPAIGNS = 3;

	private final TrackerReader reader;

	private final TrackerPictures pictures;

	private final ParameterRules rules;

	private final Places places;

	private final CampaignCalls calls;

	private final List<TrackerPageContributor> contributors;

	StateController(TrackerReader reader, TrackerPictures pictures, ParameterRules rules, Places places,
			CampaignCalls calls, List<TrackerPageContributor> contributors) {
		this.contributors = contributors;
		this.reader = reader;
		this.pictures = pictures;
		this.rules = rules;
		this.places = places;
		this.calls = calls;
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
		List<AgreementView> active = this.reader.agreements(filter(state, "ACTIVE"));
		List<AgreementView> pending = this.reader.agreements(filter(state, "PENDING"));
		List<AgreementView> removed = this.reader.agreements(filter(state, "REMOVED"));
		model.addAttribute("active", active);
		model.addAttribute("pending", pending);
		model.addAttribute("removed", removed);
		model.addAttribute("map", this.pictures.stateMap(state, locale));
		List<AgreementView> all = new ArrayList<>(active);
		all.addAll(pending);
		all.addAll(removed);
		Map<String, CampaignCall> calls = this.calls.ofAgreements(all);
		model.addAttribute("calls", calls);
		List<AgencyView> agencies = all.stream().map(AgreementView::agency).toList();
		model.addAttribute("campaigns", CampaignCalls.gathering(agencies, calls, TOP_CAMPAIGNS));
		model.addAttribute("campaignCount", calls.size());
		List<AgencyView> distinct = agencies.stream()
			.collect(Collectors.toMap(AgencyView::slug, (a) -> a, (a, b) -> a, LinkedHashMap::new))
			.values()
			.stream()
			.toList();
		this.contributors.forEach((contributor) -> contributor.state(totals, distinct, model, locale));
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
