package org.end287g.campaigns.targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.LedCampaigns;
import org.end287g.decide.Election;
import org.end287g.decide.Elections;
import org.end287g.decide.Officials;
import org.end287g.decide.Questionnaires;
import org.end287g.tracker.CountyRef;
import org.end287g.tracker.TrackerReader;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A leader's page of the elections of their campaign's county (its agency head's, the
 * county's offices' and the secondary targets'), where they mail the candidate
 * questionnaire to a candidate's published campaign address: once per candidate, again
 * only when they press "Send again" (and never twice in a day), audited as staff's. Only
 * the campaign's leaders and staff may, refused as the rest of the leader's pages refuse.
 */
@Controller
class LeaderElectionsController {

	private final LedCampaigns led;

	private final Elections elections;

	private final Officials officials;

	private final Questionnaires questionnaires;

	private final TrackerReader tracker;

	LeaderElectionsController(LedCampaigns led, Elections elections, Officials officials, Questionnaires questionnaires,
			TrackerReader tracker) {
		this.led = led;
		this.elections = elections;
		this.officials = officials;
		this.questionnaires = questionnaires;
		this.tracker = tracker;
	}

	@GetMapping("/leader/campaigns/{id}/elections")
	String page(Authentication authentication, @PathVariable String id, Model model) {
		Campaign campaign = this.led.allowed(authentication, id);
		List<Election> found = elections(campaign);
		model.addAttribute("record", campaign);
		model.addAttribute("elections", found);
		model.addAttribute("asking", this.questionnaires
			.asking(found.stream().flatMap((e) -> e.candidates().stream()).map(Election.Candidate::id).toList()));
		return "campaigns/leader-elections";
	}

	@PostMapping("/leader/campaigns/{id}/elections/candidates/{candidate}/ask")
	String ask(Authentication authentication, @PathVariable String id, @PathVariable String candidate,
			@RequestParam(required = false, defaultValue = "") String resend, RedirectAttributes redirect) {
		Campaign campaign = this.led.allowed(authentication, id);
		Long parsed = parse(candidate);
		long candidateId = (parsed != null) ? parsed : -1;
		boolean ours = elections(campaign).stream()
			.flatMap((e) -> e.candidates().stream())
			.anyMatch((c) -> c.id() == candidateId);
		String outcome = (ours) ? this.questionnaires.send(authentication.getName(), candidateId, "yes".equals(resend))
				: "decide.pledge.ask.unknown";
		redirect.addFlashAttribute(outcome.endsWith(".sent") ? "notice" : "askError", outcome);
		redirect.addFlashAttribute("askedCandidate", (ours) ? candidateId : null);
		return "redirect:/leader/campaigns/" + campaign.id() + "/elections";
	}

	/**
	 * The upcoming elections of the agency's head, of the offices of the agency's county
	 * and of the campaign's secondary targets, by date.
	 */
	List<Election> elections(Campaign campaign) {
		Map<Long, Election> all = new LinkedHashMap<>();
		this.elections.upcomingForAgency(campaign.agencySlug()).forEach((e) -> all.put(e.id(), e));
		String county = this.tracker.agency(campaign.agencySlug())
			.map((p) -> p.agency().county())
			.map(CountyRef::fips)
			.orElse(null);
		if (county != null) {
			this.elections.upcomingInCounty(county).forEach((e) -> all.putIfAbsent(e.id(), e));
		}
		List<Long> targets = this.officials.targetsOf(campaign.id()).stream().map((o) -> o.officeId()).toList();
		if (!targets.isEmpty()) {
			this.elections.upcoming(campaign.state())
				.stream()
				.filter((e) -> targets.contains(e.officeId()))
				.forEach((e) -> all.putIfAbsent(e.id(), e));
		}
		List<Election> list = new ArrayList<>(all.values());
		list.sort(Comparator.comparing(Election::generalDate).thenComparing(Election::office));
		return list;
	}

	private static @Nullable Long parse(String value) {
		if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return null;
		}
		long id = Long.parseLong(value);
		return (id > 0) ? id : null;
	}

}
