package org.end287g.tracker.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;
import org.end287g.tracker.AgreementView;
import org.end287g.tracker.CampaignCall;
import org.end287g.tracker.TrackerPageContributor;
import org.end287g.tracker.reading.NearbyAgreements;
import org.end287g.tracker.reading.NearbyAgreements.Distant;
import org.end287g.tracker.reading.TrackerQueries;
import org.end287g.tracker.web.CampaignCalls.Called;
import org.end287g.tracker.web.PointLocator.Located;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Near me": a ZIP form that works without JavaScript, and the agreements in the county,
 * the state and nearest around it. Errors re-render the form with a translated message.
 */
@Controller
class NearController {

	/** Campaigns offered instead to the visitor of a county without an agreement. */
	static final int NEAREST_CAMPAIGNS = 3;

	private final TrackerQueries reader;

	private final PointLocator locator;

	private final MessageSource messages;

	private final CampaignCalls calls;

	private final List<TrackerPageContributor> contributors;

	NearController(TrackerQueries reader, PointLocator locator, MessageSource messages, CampaignCalls calls,
			List<TrackerPageContributor> contributors) {
		this.reader = reader;
		this.locator = locator;
		this.messages = messages;
		this.calls = calls;
		this.contributors = contributors;
	}

	@GetMapping("/near")
	String near(@RequestParam(required = false) @Nullable String zip,
			@RequestParam(required = false) @Nullable String lat, @RequestParam(required = false) @Nullable String lon,
			@RequestParam(required = false) @Nullable String county, Model model, HttpServletResponse response,
			Locale locale) {
		model.addAttribute("zip", (zip != null && zip.length() <= 10) ? zip : "");
		if (zip == null && lat == null && lon == null && county == null) {
			return "tracker/near";
		}
		try {
			Located here = this.locator.locate(zip, lat, lon, county);
			NearbyAgreements nearby = this.reader.near(here.latitude(), here.longitude(), here.county().fips(),
					here.county().stateCode(), ApiController.NEAREST);
			model.addAttribute("here", here);
			model.addAttribute("nearby", nearby);
			addCalls(nearby, model);
			this.contributors.forEach((contributor) -> contributor.near(here.county(), here.zip(), model, locale));
		}
		catch (Problem ex) {
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("error", ex.updateAndGetBody(this.messages, locale).getDetail());
		}
		return "tracker/near";
	}

	/**
	 * The calls of every agency shown, the campaigns of the county and, for a county
	 * without any, the nearest campaigns that gather signatures.
	 */
	private void addCalls(NearbyAgreements nearby, Model model) {
		List<AgreementView> shown = new ArrayList<>(nearby.inCounty());
		shown.addAll(nearby.inState());
		nearby.nearest().forEach((distant) -> shown.add(distant.agreement()));
		Map<String, CampaignCall> calls = this.calls.ofAgreements(shown);
		model.addAttribute("calls", calls);
		Map<String, Called> inCounty = new LinkedHashMap<>();
		for (AgreementView agreement : nearby.inCounty()) {
			CampaignCall call = calls.get(agreement.agency().slug());
			if (call != null) {
				inCounty.putIfAbsent(agreement.agency().slug(), new Called(agreement.agency(), call, null));
			}
		}
		model.addAttribute("countyCampaigns", List.copyOf(inCounty.values()));
		Map<String, Called> nearest = new LinkedHashMap<>();
		for (Distant distant : nearby.nearest()) {
			CampaignCall call = calls.get(distant.agreement().agency().slug());
			if (call != null && call.gathering() && nearest.size() < NEAREST_CAMPAIGNS) {
				nearest.putIfAbsent(distant.agreement().agency().slug(),
						new Called(distant.agreement().agency(), call, distant.miles()));
			}
		}
		model.addAttribute("nearestCampaigns", List.copyOf(nearest.values()));
	}

}
