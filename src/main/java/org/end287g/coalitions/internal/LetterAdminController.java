package org.end287g.coalitions.internal;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.campaigns.Campaign;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's letters for its leaders and staff: write a draft to one of its targets,
 * open it for signatures, close it, record its delivery and the response.
 */
@Controller
class LetterAdminController {

	private final CampaignAccess access;

	private final Letters letters;

	private final TargetChoices targets;

	LetterAdminController(CampaignAccess access, Letters letters, TargetChoices targets) {
		this.access = access;
		this.letters = letters;
		this.targets = targets;
	}

	@GetMapping("/leader/campaigns/{id}/letters")
	String list(@PathVariable String id, Authentication authentication, Model model) {
		return list(this.access.campaign(id, authentication), model);
	}

	@PostMapping("/leader/campaigns/{id}/letters")
	String create(@PathVariable String id, @ModelAttribute("letterForm") @Valid LetterForms.LetterForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Campaign campaign = this.access.campaign(id, authentication);
		Optional<Letters.Target> target = target(campaign, form, result);
		if (target.isEmpty() || result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return list(campaign, model);
		}
		Letter letter = this.letters.create(campaign.id(), target.get(), form.words(), authentication.getName());
		redirect.addFlashAttribute("notice", "coalitions.letter.created");
		return "redirect:/leader/campaigns/" + campaign.id() + "/letters/" + letter.id();
	}

	@GetMapping("/leader/campaigns/{id}/letters/{letter}")
	String edit(@PathVariable String id, @PathVariable String letter, Authentication authentication, Model model) {
		Campaign campaign = this.access.campaign(id, authentication);
		return edit(campaign, this.access.letter(campaign, letter), model);
	}

	@PostMapping("/leader/campaigns/{id}/letters/{letter}")
	String rewrite(@PathVariable String id, @PathVariable String letter,
			@ModelAttribute("letterForm") @Valid LetterForms.LetterForm form, BindingResult result,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Campaign campaign = this.access.campaign(id, authentication);
		Letter stored = this.access.letter(campaign, letter);
		if (!stored.draft()) {
			result.reject("coalitions.error.letter.fixed");
		}
		Optional<Letters.Target> target = target(campaign, form, result);
		if (target.isEmpty() || result.hasErrors()
				|| !this.letters.rewrite(stored.id(), target.get(), form.words(), authentication.getName())) {
			if (!result.hasErrors()) {
				result.reject("coalitions.error.letter.fixed");
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return edit(campaign, stored, model);
		}
		redirect.addFlashAttribute("notice", "coalitions.letter.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "/letters/" + stored.id();
	}

	@PostMapping("/leader/campaigns/{id}/letters/{letter}/status")
	String move(@PathVariable String id, @PathVariable String letter, @RequestParam(defaultValue = "") String status,
			Authentication authentication, RedirectAttributes redirect) {
		Campaign campaign = this.access.campaign(id, authentication);
		Letter stored = this.access.letter(campaign, letter);
		if (!Letter.OPEN.equals(status) && !Letter.CLOSED.equals(status)) {
			throw Problem.badRequest("coalitions.error.status");
		}
		if (!this.letters.move(stored.id(), status, authentication.getName())) {
			throw Problem.of(HttpStatus.CONFLICT, "coalitions.error.status.title", "coalitions.error.status");
		}
		redirect.addFlashAttribute("notice", "coalitions.letter." + status.toLowerCase(java.util.Locale.ROOT));
		return "redirect:/leader/campaigns/" + campaign.id() + "/letters/" + stored.id();
	}

	@PostMapping("/leader/campaigns/{id}/letters/{letter}/delivery")
	String delivery(@PathVariable String id, @PathVariable String letter,
			@ModelAttribute("deliveryForm") @Valid LetterForms.DeliveryForm form, BindingResult result,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Campaign campaign = this.access.campaign(id, authentication);
		Letter stored = this.access.letter(campaign, letter);
		LocalDate delivered = LetterForms.DeliveryForm.day(form.deliveredOn(), "deliveredOn", result);
		LocalDate answered = LetterForms.DeliveryForm.day(form.responseOn(), "responseOn", result);
		if (stored.draft()) {
			result.reject("coalitions.error.delivery.draft");
		}
		if (!form.response().isEmpty() && delivered == null && !result.hasFieldErrors("deliveredOn")) {
			result.rejectValue("deliveredOn", "coalitions.error.delivery.first");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return edit(campaign, stored, model);
		}
		this.letters.delivery(stored.id(), delivered, form.response().isEmpty() ? null : form.response(), answered,
				authentication.getName());
		redirect.addFlashAttribute("notice", "coalitions.letter.delivered");
		return "redirect:/leader/campaigns/" + campaign.id() + "/letters/" + stored.id();
	}

	private Optional<Letters.Target> target(Campaign campaign, LetterForms.LetterForm form, BindingResult result) {
		Optional<Letters.Target> target = this.targets.chosen(campaign, form.target());
		if (target.isEmpty()) {
			result.rejectValue("target", "coalitions.error.target");
		}
		return target;
	}

	private String list(Campaign campaign, Model model) {
		model.addAttribute("record", campaign);
		model.addAttribute("letters", this.letters.ofCampaign(campaign.id()));
		model.addAttribute("targets", this.targets.of(campaign));
		if (!model.containsAttribute("letterForm")) {
			model.addAttribute("letterForm", LetterForms.LetterForm.empty());
		}
		return "coalitions/leader-letters";
	}

	private String edit(Campaign campaign, Letter letter, Model model) {
		model.addAttribute("record", campaign);
		model.addAttribute("letter", letter);
		model.addAttribute("targets", this.targets.of(campaign));
		model.addAttribute("signatures", this.letters.signatures(letter.id()));
		if (!model.containsAttribute("letterForm")) {
			model.addAttribute("letterForm", LetterForms.LetterForm.of(letter));
		}
		if (!model.containsAttribute("deliveryForm")) {
			model.addAttribute("deliveryForm", LetterForms.DeliveryForm.of(letter));
		}
		return "coalitions/leader-letter";
	}

}
