package org.end287g.campaigns.leaders;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.end287g.accounts.Permissions;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.LedCampaigns;
import org.end287g.campaigns.pages.CampaignViews;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.campaigns.targets.CampaignTargets;
import org.end287g.problems.Problem;
import org.end287g.validation.PlainText;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A leader's page for one campaign: where it stands, the training checklist, the petition
 * text, goal and deadline, updates to supporters, and links to the paper signatures and
 * delivery pages. Only the campaign's leaders and staff reach it; for anyone else the
 * campaign is "not found" (see {@link Permissions#outsideScope}).
 */
@Controller
class LeaderDashboardController {

	private final CampaignViews views;

	private final LedCampaigns led;

	private final LeaderCampaigns work;

	private final CampaignUpdates updates;

	private final MessageSource messages;

	private final SignatureCounts counts;

	private final CampaignTargets targets;

	LeaderDashboardController(CampaignViews views, LedCampaigns led, LeaderCampaigns work, CampaignUpdates updates,
			MessageSource messages, SignatureCounts counts, CampaignTargets targets) {
		this.targets = targets;
		this.views = views;
		this.led = led;
		this.work = work;
		this.updates = updates;
		this.messages = messages;
		this.counts = counts;
	}

	/** A step of the training checklist, the page behind it and whether it is done. */
	record Step(String id, String link, boolean done) {
	}

	/** The petition's text and language; {@code action} is {@code sample} to go back. */
	record PetitionForm(@Pattern(regexp = "en|es", message = "{leaders.error.language}") String language,
			@PlainText(max = 5_000, multiline = true, required = "{leaders.error.petition.required}",
					tooLong = "{leaders.error.petition.long}",
					message = "{leaders.error.petition.malformed}") String text,
			@Nullable String action) {

		PetitionForm {
			language = TypedText.line(language);
			text = TypedText.lines(text);
		}

	}

	/** The signature goal and the optional deadline, as typed. */
	record GoalForm(String goal, String deadline) {

		static final int MAX_GOAL = 1_000_000;

		GoalForm {
			goal = TypedText.line(goal);
			deadline = TypedText.line(deadline);
		}

		/** The goal, not below the signatures gathered; {@code null} with an error. */
		@Nullable Integer goal(long signatures, Errors errors) {
			Long parsed = DashboardIds.parse(this.goal);
			if (parsed != null && parsed <= MAX_GOAL && parsed >= signatures) {
				return parsed.intValue();
			}
			errors.rejectValue("goal",
					this.goal.isEmpty() ? "leaders.error.goal.required" : (parsed == null || parsed > MAX_GOAL)
							? "leaders.error.goal.range" : "leaders.error.goal.belowCount");
			return null;
		}

		/** A day after today, or none; {@code null} with an error too. */
		@Nullable LocalDate deadline(LocalDate today, Errors errors) {
			if (this.deadline.isEmpty()) {
				return null;
			}
			LocalDate day = null;
			try {
				day = (this.deadline.length() == 10) ? LocalDate.parse(this.deadline) : null;
			}
			catch (DateTimeParseException ex) {
				day = null;
			}
			if (day == null || !day.isAfter(today)) {
				errors.rejectValue("deadline",
						(day != null) ? "leaders.error.deadline.past" : "leaders.error.deadline.malformed");
				return null;
			}
			return day;
		}

	}

	/** An update to the campaign's supporters. */
	record UpdateForm(
			@PlainText(max = 200, required = "{leaders.error.title.required}", tooLong = "{leaders.error.title.long}",
					message = "{leaders.error.title.malformed}") String title,
			@PlainText(max = 20_000, multiline = true, required = "{leaders.error.body.required}",
					tooLong = "{leaders.error.body.long}", message = "{leaders.error.body.malformed}") String body) {

		UpdateForm {
			title = TypedText.line(title);
			body = TypedText.lines(body);
		}

	}

	@GetMapping("/leader/campaigns/{id}")
	String dashboard(Authentication authentication, @PathVariable String id, Model model) {
		Campaign campaign = this.led.allowed(authentication, id);
		return show(authentication, campaign, model);
	}

	@PostMapping("/leader/campaigns/{id}/training")
	String training(Authentication authentication, @PathVariable String id,
			@RequestParam(name = "step", required = false) @Nullable String step,
			@RequestParam(name = "done", required = false) @Nullable String done, RedirectAttributes redirect) {
		Campaign campaign = this.led.allowed(authentication, id);
		if (step == null || !LeaderCampaigns.STEPS.contains(step)) {
			throw Problem.badRequest("leaders.error.step");
		}
		this.work.step(authentication.getName(), campaign.id(), step, "true".equals(done));
		return "redirect:/leader/campaigns/" + campaign.id() + "#training";
	}

	@PostMapping("/leader/campaigns/{id}/petition")
	String petition(Authentication authentication, @PathVariable String id,
			@ModelAttribute("petitionForm") @Valid PetitionForm form, BindingResult result,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Campaign campaign = this.led.allowed(authentication, id);
		if ("sample".equals(form.action())) {
			this.work.petition(authentication.getName(), campaign.id(), null, null);
			redirect.addFlashAttribute("notice", "leaders.dashboard.petition.sampleAgain");
			return "redirect:/leader/campaigns/" + campaign.id() + "#petition";
		}
		if (result.hasErrors()) {
			return showAgain(authentication, campaign, result, response, model);
		}
		this.work.petition(authentication.getName(), campaign.id(), form.language(), form.text());
		redirect.addFlashAttribute("notice", "leaders.dashboard.petition.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "#petition";
	}

	@PostMapping("/leader/campaigns/{id}/goal")
	String goal(Authentication authentication, @PathVariable String id, @ModelAttribute("goalForm") GoalForm form,
			BindingResult result, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Campaign campaign = this.led.allowed(authentication, id);
		Integer goal = form.goal(this.counts.exact(campaign.id()), result);
		LocalDate deadline = form.deadline(LocalDate.now(ZoneOffset.UTC), result);
		if (goal == null || result.hasErrors()) {
			return showAgain(authentication, campaign, result, response, model);
		}
		this.work.goal(authentication.getName(), campaign.id(), goal, deadline);
		redirect.addFlashAttribute("notice", "leaders.dashboard.goal.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "#goal";
	}

	@PostMapping("/leader/campaigns/{id}/updates")
	String update(Authentication authentication, @PathVariable String id,
			@ModelAttribute("updateForm") @Valid UpdateForm form, BindingResult result, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Campaign campaign = this.led.allowed(authentication, id);
		if (result.hasErrors()) {
			return showAgain(authentication, campaign, result, response, model);
		}
		int recipients = this.updates.post(authentication.getName(), campaign, form.title(), form.body());
		redirect.addFlashAttribute("notice", "leaders.dashboard.update.posted");
		redirect.addFlashAttribute("recipients", recipients);
		return "redirect:/leader/campaigns/" + campaign.id() + "#updates";
	}

	/** The page again with one form as typed and its errors, answered 400. */
	private String showAgain(Authentication authentication, Campaign campaign, BindingResult result,
			HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		ShownBack.into(model, result);
		return show(authentication, campaign, model);
	}

	/** The page, with each form as stored unless the model holds it as typed. */
	private String show(Authentication authentication, Campaign campaign, Model model) {
		CampaignViews.Page page = this.views.page(campaign.slug());
		Set<String> done = this.work.done(authentication.getName(), campaign.id());
		List<Step> steps = LeaderCampaigns.CHECKLIST.stream()
			.map((step) -> new Step(step.id(), step.link(campaign.id()), done.contains(step.id())))
			.toList();
		Locale locale = LocaleContextHolder.getLocale();
		String pageLanguage = "es".equals(locale.getLanguage()) ? "es" : "en";
		if (!model.containsAttribute("petitionForm")) {
			model.addAttribute("petitionForm",
					new PetitionForm((campaign.petitionLanguage() != null) ? campaign.petitionLanguage() : pageLanguage,
							(campaign.petitionText() != null) ? campaign.petitionText()
									: sample(page.campaign(), Locale.forLanguageTag(pageLanguage)),
							null));
		}
		if (!model.containsAttribute("goalForm")) {
			model.addAttribute("goalForm", new GoalForm(Integer.toString(campaign.goal()),
					(campaign.deadline() != null) ? campaign.deadline().toString() : ""));
		}
		if (!model.containsAttribute("updateForm")) {
			model.addAttribute("updateForm", new UpdateForm("", ""));
		}
		model.addAttribute("campaign", page.campaign());
		model.addAttribute("record", campaign);
		model.addAttribute("signatures", this.counts.exact(campaign.id()));
		model.addAttribute("steps", steps);
		model.addAttribute("stepsDone", done.size());
		model.addAttribute("updates", this.updates.of(campaign.id()));
		model.addAttribute("usesSample", campaign.petitionText() == null);
		this.targets.forLeader(campaign, locale, model);
		model.addAttribute("tomorrow", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
		return "campaigns/leader";
	}

	/** The sample petition for the campaign's target, in a language. */
	private String sample(CampaignViews.CampaignView view, Locale language) {
		CampaignViews.Target target = view.target();
		return this.messages.getMessage(
				"campaigns.petition.text", new Object[] { target.name(),
						(target.county() != null) ? target.county() : target.stateName(), target.stateName() },
				language);
	}

}
