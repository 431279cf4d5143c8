package org.end287g.campaigns.leaders;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.end287g.campaigns.pages.CampaignViews;
import org.end287g.privacy.EmailAddress;
import org.end287g.privacy.RateLimits;
import org.end287g.validation.Phone;
import org.end287g.validation.PlainText;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.end287g.validation.UsZip;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Become a leader": the form, the page that says to check the mailbox, and the
 * confirmation link (a page with a button, so that mail scanners that open links confirm
 * nothing).
 */
@Controller
class LeaderController {

	private final CampaignViews views;

	private final LeaderApplications applications;

	private final RateLimits rateLimits;

	LeaderController(CampaignViews views, LeaderApplications applications, RateLimits rateLimits) {
		this.views = views;
		this.applications = applications;
		this.rateLimits = rateLimits;
	}

	/** A request to lead a campaign, as typed; the commitment box must be ticked. */
	record LeadForm(
			@PlainText(max = 100, required = "{leaders.error.name.required}", tooLong = "{leaders.error.name.long}",
					message = "{leaders.error.name.malformed}") String name,
			@EmailAddress(required = "{leaders.error.email.required}", tooLong = "{leaders.error.email.long}",
					message = "{leaders.error.email.malformed}") String email,
			@UsZip(required = "{leaders.error.zip.required}", message = "{leaders.error.zip.malformed}",
					unknown = "{leaders.error.zip.unknown}") String zip,
			@Phone(message = "{leaders.error.phone.malformed}") String phone,
			@PlainText(max = 2_000, multiline = true, tooLong = "{leaders.error.why.long}",
					message = "{leaders.error.why.malformed}") String why,
			@Pattern(regexp = "yes", message = "{leaders.error.commitment}") String commitment) {

		static final LeadForm BLANK = new LeadForm("", "", "", "", "", "");

		LeadForm {
			name = TypedText.line(name);
			email = TypedText.line(email);
			zip = TypedText.line(zip);
			phone = TypedText.line(phone);
			why = TypedText.lines(why);
			commitment = TypedText.line(commitment);
		}

		LeaderApplications.Form application() {
			return new LeaderApplications.Form(this.name, this.email, this.zip, this.phone, this.why);
		}

		@Override
		public String toString() {
			return "LeadForm[...]";
		}

	}

	@GetMapping("/campaigns/{slug}/lead")
	String form(@PathVariable String slug, Model model) {
		model.addAttribute("campaign", this.views.page(slug).campaign());
		model.addAttribute("form", LeadForm.BLANK);
		return "campaigns/lead";
	}

	@PostMapping("/campaigns/{slug}/lead")
	String apply(@PathVariable String slug, @ModelAttribute("form") @Valid LeadForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		CampaignViews.Page page = this.views.page(slug);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			model.addAttribute("campaign", page.campaign());
			return "campaigns/lead";
		}
		this.rateLimits.check("form", request.getRemoteAddr(), form.email());
		this.applications.apply(page.record(), form.application(), language());
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

	static Locale language() {
		return "es".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.forLanguageTag("es")
				: Locale.ENGLISH;
	}

}
