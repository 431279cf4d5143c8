package org.end287g.impact.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff write wins for history, and complete and publish the drafts imports open
 * ({@code /admin/**}: admins signed in with a passkey).
 */
@Controller
class AdminWinsController {

	private final Wins wins;

	AdminWinsController(Wins wins) {
		this.wins = wins;
	}

	@GetMapping("/admin/impact/wins")
	String list(Model model) {
		model.addAttribute("wins", this.wins.all());
		return "impact/admin/wins";
	}

	@GetMapping("/admin/impact/wins/new")
	String create(Model model) {
		return show(null, WinInput.empty(), Map.of(), model);
	}

	@PostMapping("/admin/impact/wins/new")
	String add(Authentication authentication, @ModelAttribute WinInput form, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		WinInput.Checked checked = form.check();
		if (checked.win() == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(null, form, Checks.byField(checked.refusals()), model);
		}
		this.wins.add(checked.win(), null, authentication.getName());
		redirect.addFlashAttribute("notice", "impact.admin.win.saved");
		return "redirect:/admin/impact/wins";
	}

	@GetMapping("/admin/impact/wins/{id}")
	String edit(@PathVariable long id, Model model) {
		Win win = this.wins.byId(id).orElseThrow(() -> Problem.notFound("impact.wins.error.unknown"));
		return show(win, WinInput.of(win), Map.of(), model);
	}

	@PostMapping("/admin/impact/wins/{id}")
	String save(Authentication authentication, @PathVariable long id, @ModelAttribute WinInput form,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Win stored = this.wins.byId(id).orElseThrow(() -> Problem.notFound("impact.wins.error.unknown"));
		WinInput.Checked checked = form.check();
		if (checked.win() == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(stored, form, Checks.byField(checked.refusals()), model);
		}
		this.wins.update(id, checked.win(), authentication.getName());
		redirect.addFlashAttribute("notice", "impact.admin.win.saved");
		return "redirect:/admin/impact/wins";
	}

	@PostMapping("/admin/impact/wins/{id}/delete")
	String delete(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
		if (!this.wins.delete(id, authentication.getName())) {
			throw Problem.notFound("impact.wins.error.unknown");
		}
		redirect.addFlashAttribute("notice", "impact.admin.win.deleted");
		return "redirect:/admin/impact/wins";
	}

	private String show(@org.jspecify.annotations.Nullable Win win, WinInput form, Map<String, String> errors,
			Model model) {
		model.addAttribute("win", win);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("hows", Win.HOWS);
		model.addAttribute("models", Win.MODELS);
		model.addAttribute("precisions", Win.PRECISIONS);
		model.addAttribute("statuses", Win.STATUSES);
		model.addAttribute("chosenModels", (form.models() != null) ? form.models() : List.of());
		return "impact/admin/win";
	}

}
