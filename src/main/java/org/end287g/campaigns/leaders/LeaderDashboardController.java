package org.end287g.campaigns.leaders;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.accounts.Permissions;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.pages.CampaignViews;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.problems.Problem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A leader's page for one campaign: where it stands, the training checklist, the petition
 * text, goal and deadline, updates to supporters, and links to the paper signatures and
 * delivery pages. Only the campaign's leaders and admins reach it; for anyone else the
 * campaign is "not found".
 */
@Controller
class LeaderDashboardController {

	private final Campaigns campaigns;

	private final CampaignViews views;

	private final Permissions permissions;

	private final LeaderCampaigns work;

	private final CampaignUpdates updates;

	private final MessageSource messages;

	private final SignatureCounts counts;

	LeaderDashboardController(Campaigns campaigns, CampaignViews views, Permissions permissions, LeaderCampaigns work,
			CampaignUpdates updates, MessageSource messages, SignatureCounts counts) {
		this.campaigns = campaigns;
		this.views = views;
		this.permissions = permissions;
		this.work = work;
		this.updates = updates;
		this.messages = messages;
		this.counts = counts;
	}

	/** A step of the training checklist and whether this leader did it. */
	record Step(String id, boolean done) {
	}

	@GetMapping("/leader/campaigns/{id}")
	String dashboard(Authentication authentication, @PathVariable String id, Model model) {
		Campaign campaign = allowed(authentication, id);
		return show(authentication, campaign, model, Map.of(), Map.of());
	}

	@PostMapping("/leader/campaigns/{id}/training")
	String training(Authentication authentication, @PathVariable String id,
			@RequestParam(name = "step", required = false) String step,
			@RequestParam(name = "done", required = false) String done, RedirectAttributes redirect) {
		Campaign campaign = allowed(authentication, id);
		if (step == null || !LeaderCampaigns.STEPS.contains(step)) {
			throw Problem.badRequest("leaders.error.step");
		}
		this.work.step(authentication.getName(), campaign.id(), step, "true".equals(done));
		return "redirect:/leader/campaigns/" + campaign.id() + "#training";
	}

	@PostMapping("/leader/campaigns/{id}/petition")
	String petition(Authentication authentication, @PathVariable String id, @RequestParam Map<String, String> params,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Campaign campaign = allowed(authentication, id);
		if ("sample".equals(params.get("action"))) {
			this.work.petition(authentication.getName(), campaign.id(), null, null);
			redirect.addFlashAttribute("notice", "leaders.dashboard.petition.sampleAgain");
			return "redirect:/leader/campaigns/" + campaign.id() + "#petition";
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String language = params.get("language");
		if (!"en".equals(language) && !"es".equals(language)) {
			errors.put("petition-language", "leaders.error.language");
		}
		String text = LeaderFields.multiline(params.get("text"));
		String error = LeaderFields.text(text, LeaderFields.MAX_PETITION, true, "leaders.error.petition");
		if (error != null) {
			errors.put("petition-text", error);
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(authentication, campaign, model, errors,
					Map.of("petition-language", LeaderFields.echo(language, 2), "petition-text",
							LeaderFields.echo(params.get("text"), LeaderFields.MAX_PETITION)));
		}
		this.work.petition(authentication.getName(), campaign.id(), language, text);
		redirect.addFlashAttribute("notice", "leaders.dashboard.petition.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "#petition";
	}

	@PostMapping("/leader/campaigns/{id}/goal")
	String goal(Authentication authentication, @PathVariable String id, @RequestParam Map<String, String> params,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Campaign campaign = allowed(authentication, id);
		Map<String, String> errors = new LinkedHashMap<>();
		String goalText = LeaderFields.strip(params.get("goal"));
		Integer goal = goal(goalText, campaign, errors);
		String deadlineText = LeaderFields.strip(params.get("deadline"));
		LocalDate deadline = deadline(deadlineText, errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(authentication, campaign, model, errors,
					Map.of("goal", LeaderFields.echo(goalText, 20), "deadline", LeaderFields.echo(deadlineText, 20)));
		}
		this.work.goal(authentication.getName(), campaign.id(), goal, deadline);
		redirect.addFlashAttribute("notice", "leaders.dashboard.goal.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "#goal";
	}

	@PostMapping("/leader/campaigns/{id}/updates")
	String update(Authentication authentication, @PathVariable String id, @RequestParam Map<String, String> params,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Campaign campaign = allowed(authentication, id);
		Map<String, String> errors = new LinkedHashMap<>();
		String title = LeaderFields.strip(params.get("title"));
		String body = LeaderFields.multiline(params.get("body"));
		String error = LeaderFields.line(title, LeaderFields.MAX_TITLE, "leaders.error.title");
		if (error != null) {
			errors.put("update-title", error);
		}
		error = LeaderFields.text(body, LeaderFields.MAX_BODY, true, "leaders.error.body");
		if (error != null) {
			errors.put("update-body", error);
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(authentication, campaign, model, errors,
					Map.of("update-title", LeaderFields.echo(params.get("title"), LeaderFields.MAX_TITLE),
							"update-body", LeaderFields.echo(params.get("body"), LeaderFields.MAX_BODY)));
		}
		int recipients = this.updates.post(authentication.getName(), campaign, title, body);
		redirect.addFlashAttribute("notice", "leaders.dashboard.update.posted");
		redirect.addFlashAttribute("recipients", recipients);
		return "redirect:/leader/campaigns/" + campaign.id() + "#updates";
	}

	/** The new goal: a whole number up to the maximum, not below the count. */
	private Integer goal(String goalText, Campaign campaign, Map<String, String> errors) {
		if (goalText.isEmpty()) {
			errors.put("goal", "leaders.error.goal.required");
			return null;
		}
		Long parsed = DashboardIds.parse(goalText);
		if (parsed == null || parsed > LeaderFields.MAX_GOAL) {
			errors.put("goal", "leaders.error.goal.range");
			return null;
		}
		if (parsed < this.counts.exact(campaign.id())) {
			errors.put("goal", "leaders.error.goal.belowCount");
			return null;
		}
		return parsed.intValue();
	}

	/** The new deadline, a day after today; {@code null} for none. */
	private static LocalDate deadline(String deadlineText, Map<String, String> errors) {
		if (deadlineText.isEmpty()) {
			return null;
		}
		LocalDate deadline;
		try {
			deadline = (deadlineText.length() == 10) ? LocalDate.parse(deadlineText) : null;
		}
		catch (DateTimeParseException ex) {
			deadline = null;
		}
		if (deadline == null) {
			errors.put("deadline", "leaders.error.deadline.malformed");
		}
		else if (!deadline.isAfter(LocalDate.now(ZoneOffset.UTC))) {
			errors.put("deadline", "leaders.error.deadline.past");
		}
		return deadline;
	}

	private String show(Authentication authentication, Campaign campaign, Model model, Map<String, String> errors,
			Map<String, String> form) {
		CampaignViews.Page page = this.views.page(campaign.slug());
		Set<String> done = this.work.done(authentication.getName(), campaign.id());
		List<Step> steps = LeaderCampaigns.STEPS.stream().map(step -> new Step(step, done.contains(step))).toList();
		Locale locale = LocaleContextHolder.getLocale();
		String pageLanguage = "es".equals(locale.getLanguage()) ? "es" : "en";
		Map<String, String> values = new LinkedHashMap<>();
		values.put("petition-language",
				(campaign.petitionLanguage() != null) ? campaign.petitionLanguage() : pageLanguage);
		values.put("petition-text", (campaign.petitionText() != null) ? campaign.petitionText()
				: sample(page.campaign(), Locale.forLanguageTag(pageLanguage)));
		values.put("goal", Integer.toString(campaign.goal()));
		values.put("deadline", (campaign.deadline() != null) ? campaign.deadline().toString() : "");
		values.put("update-title", "");
		values.put("update-body", "");
		values.putAll(form);
		model.addAttribute("campaign", page.campaign());
		model.addAttribute("record", campaign);
		model.addAttribute("signatures", this.counts.exact(campaign.id()));
		model.addAttribute("steps", steps);
		model.addAttribute("stepsDone", done.size());
		model.addAttribute("form", values);
		model.addAttribute("errors", errors);
		model.addAttribute("updates", this.updates.of(campaign.id()));
		model.addAttribute("usesSample", campaign.petitionText() == null);
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

	/** The campaign when the person leads it or is an admin; "not found" otherwise. */
	private Campaign allowed(Authentication authentication, String id) {
		Long campaignId = DashboardIds.parse(id);
		if (campaignId == null
				|| !(this.permissions.leads(authentication, campaignId) || this.permissions.isAdmin(authentication))) {
			throw Problem.notFound("campaigns.error.unknown");
		}
		return this.campaigns.byId(campaignId).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

}
