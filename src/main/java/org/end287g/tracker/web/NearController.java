package org.end287g.tracker.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;
import org.end287g.tracker.reading.NearbyAgreements;
import org.end287g.tracker.reading.TrackerQueries;
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

	private final TrackerQueries reader;

	private final PointLocator locator;

	private final MessageSource messages;

	NearController(TrackerQueries reader, PointLocator locator, MessageSource messages) {
		this.reader = reader;
		this.locator = locator;
		this.messages = messages;
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
		}
		catch (Problem ex) {
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("error", ex.updateAndGetBody(this.messages, locale).getDetail());
		}
		return "tracker/near";
	}

}
