package org.end287g.campaigns.leaders;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.campaigns.pages.CampaignViews;
import org.end287g.places.Places;
import org.end287g.privacy.RateLimits;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Become a leader": the form, the page that says to check the mailbox, and the
 * confirmation link (a page with a button, so that mail scanners that open links confirm
 * nothing).
 */
@Controller
class LeaderController {

	private final CampaignViews views;

	private final LeaderApplications applications;

	private final Places places;

	private final RateLimits rateLimits;

	LeaderController(CampaignViews views, LeaderApplications applications, Places places, RateLimits rateLimits) {
		this.views = views;
		this.applications = applications;
		this.places = places;
		this.rateLimits = rateLimits;
	}

	@GetMapping("/campaigns/{slug}/lead")
	String form(@PathVariable String slug, Model model) {
		model.addAttribute("campaign", this.views.page(slug).campaign());
		model.addAttribute("form", Map.of());
		model.addAttribute("errors", Map.of());
		return "campaigns/lead";
	}

	@PostMapping("/campaigns/{slug}/lead")
	String apply(@PathVariable String slug, @RequestParam Map<String, String> params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		CampaignViews.Page page = this.views.page(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		put(errors, "name", LeaderFields.line(params.get("name"), LeaderFields.MAX_NAME, "leaders.error.name"));
		put(errors, "email", LeaderFields.email(params.get("email")));
		String zip = LeaderFields.strip(params.get("zip"));
		if (zip.isEmpty()) {
			errors.put("zip", "leaders.error.zip.required");
		}
		else if (!LeaderFields.zipShape(zip)) {
			errors.put("zip", "leaders.error.zip.malformed");
		}
		else if (this.places.zip(zip).isEmpty()) {
			errors.put("zip", "leaders.error.zip.unknown");
		}
		put(errors, "phone", LeaderFields.phone(params.get("phone")));
		put(errors, "why", LeaderFields.text(params.get("why"), LeaderFields.MAX_WHY, false, "leaders.error.why"));
		if (!"yes".equals(params.get("commitment"))) {
			errors.put("commitment", "leaders.error.commitment");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Map<String, String> form = new LinkedHashMap<>();
			for (String field : new String[] { "name", "email", "zip", "phone", "why", "commitment" }) {
				form.put(field, LeaderFields.echo(params.get(field), LeaderFields.MAX_WHY));
			}
			model.addAttribute("campaign", page.campaign());
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			return "campaigns/lead";
		}
		this.rateLimits.check("form", request.getRemoteAddr(), params.get("email"));
		this.applications.apply(page.record(),
				new LeaderApplications.Form(LeaderFields.strip(params.get("name")),
						LeaderFields.strip(params.get("email")), zip, LeaderFields.strip(params.get("phone")),
						LeaderFields.multiline(params.get("why"))),
				language());
		return "redirect:/campaigns/" + page.record().slug() + "/lead/sent";
	}

	@GetMapping("/campaigns/{slug}/lead/sent")
	String sent(@PathVariable String slug, Model model) {
		model.addAttribute("campaign", this.views.page(slug).campaign());
		return "campaigns/lead-sent";
	}

	@GetMapping("/campaigns/{slug}/lead/confirm/{token}")
	String confirmPage(@PathVariable String slug, @PathVariable String token, HttpServletResponse response,
			Model model) {
		model.addAttribute("campaign", this.views.page(slug).campaign());
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		if (this.applications.verify(token).isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("result", "INVALID");
			return "campaigns/lead-confirmed";
		}
		model.addAttribute("token", token);
		return "campaigns/lead-confirm";
	}

	@PostMapping("/campaigns/{slug}/lead/confirm/{token}")
	String confirm(@PathVariable String slug, @PathVariable String token, HttpServletResponse response, Model model) {
		model.addAttribute("campaign", this.views.page(slug).campaign());
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		LeaderApplications.Confirmed result;
		try {
			result = this.applications.confirm(token);
		}
		catch (LeaderApplications.AccountDisabled ex) {
			result = LeaderApplications.Confirmed.INVALID;
		}
		if (result == LeaderApplications.Confirmed.INVALID) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("result", result.name());
		return "campaigns/lead-confirmed";
	}

	private static void put(Map<String, String> errors, String field, String error) {
		if (error != null) {
			errors.put(field, error);
		}
	}

	static Locale language() {
		return "es".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.forLanguageTag("es")
				: Locale.ENGLISH;
	}

}
