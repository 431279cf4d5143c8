package org.end287g.tracker.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.end287g.tracker.AgenciesBeforeOurData;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.TrackerPageContributor;
import org.end287g.tracker.TrackerReader;
import org.end287g.tracker.moa.MoaLibrary;
import org.end287g.tracker.reading.TrackerQueries;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One agency: the call to its campaign, its agreements, what each model means, our copy
 * of its agreements with their key clauses, and its history sheet by sheet. An agency our
 * data do not hold may still have a page from a module that knows it
 * ({@link AgenciesBeforeOurData}).
 */
@Controller
class AgencyController {

	private final TrackerReader reader;

	private final TrackerQueries queries;

	private final CampaignCalls calls;

	private final MoaLibrary moa;

	private final MessageSource messages;

	private final List<TrackerPageContributor> contributors;

	private final List<AgenciesBeforeOurData> before;

	AgencyController(TrackerReader reader, TrackerQueries queries, CampaignCalls calls, MoaLibrary moa,
			MessageSource messages, List<TrackerPageContributor> contributors, List<AgenciesBeforeOurData> before) {
		this.before = before;
		this.reader = reader;
		this.queries = queries;
		this.calls = calls;
		this.moa = moa;
		this.messages = messages;
		this.contributors = contributors;
	}

	@GetMapping("/agencies/{slug}")
	String agency(@PathVariable String slug, Model model, Locale locale) {
		if (slug.length() > 200) {
			throw TrackerProblems.unknownAgency(slug.substring(0, 200));
		}
		Optional<AgencyProfile> known = this.reader.agency(slug);
		if (known.isEmpty()) {
			// an agency whose agreement ended before our data: its page is another
			// module's
			return this.before.stream()
				.map((module) -> module.page(slug, model, locale))
				.flatMap(Optional::stream)
				.findFirst()
				.orElseThrow(() -> TrackerProblems.unknownAgency(slug));
		}
		AgencyProfile profile = known.get();
		model.addAttribute("profile", profile);
		model.addAttribute("agency", profile.agency());
		model.addAttribute("history", HistorySentences.of(this.queries.history(slug), this.messages, locale));
		model.addAttribute("call", this.calls.of(List.of(slug)).get(slug));
		model.addAttribute("moa", this.moa.forAgency(slug));
		this.contributors.forEach((contributor) -> contributor.agency(profile, model, locale));
		return "tracker/agency";
	}

}
