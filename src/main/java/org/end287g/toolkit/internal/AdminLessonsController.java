package org.end287g.toolkit.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.end287g.problems.Problem;
import org.end287g.site.SafeMarkdown;

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
 * Staff write and translate the training lessons ({@code /admin/**}: admins signed in
 * with a passkey). Markdown, rendered safely for leaders.
 */
@Controller
class AdminLessonsController {

	private final Lessons lessons;

	AdminLessonsController(Lessons lessons) {
		this.lessons = lessons;
	}

	@GetMapping("/admin/toolkit/lessons")
	String list(Model model) {
		model.addAttribute("lessons", this.lessons.all());
		return "toolkit/admin/lessons";
	}

	@GetMapping("/admin/toolkit/lessons/{slug}")
	String edit(@PathVariable String slug, Model model) {
		Lessons.Lesson lesson = this.lessons.find(slug)
			.orElseThrow(() -> Problem.notFound("toolkit.lessons.error.unknown"));
		return show(lesson, Map.of(), model);
	}

	@PostMapping("/admin/toolkit/lessons/{slug}")
	String save(Authentication authentication, @PathVariable String slug, @RequestParam Map<String, String> params,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Lessons.Lesson stored = this.lessons.find(slug)
			.orElseThrow(() -> Problem.notFound("toolkit.lessons.error.unknown"));
		Lessons.Lesson typed = new Lessons.Lesson(stored.slug(), stored.position(),
				ShareMessages.clean(params.get("titleEn")), ShareMessages.clean(params.get("titleEs")),
				ShareMessages.clean(params.get("bodyEn")), ShareMessages.clean(params.get("bodyEs")));
		Map<String, String> errors = Lessons.errors(typed);
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Lessons.Lesson shown = new Lessons.Lesson(typed.slug(), typed.position(),
					shorter(typed.titleEn(), Lessons.MAX_TITLE), shorter(typed.titleEs(), Lessons.MAX_TITLE),
					shorter(typed.bodyEn(), Lessons.MAX_BODY), shorter(typed.bodyEs(), Lessons.MAX_BODY));
			return show(shown, errors, model);
		}
		this.lessons.save(authentication.getName(), typed);
		redirect.addFlashAttribute("notice", "toolkit.lessons.saved");
		return "redirect:/admin/toolkit/lessons/" + stored.slug();
	}

	private String show(Lessons.Lesson lesson, Map<String, String> errors, Model model) {
		model.addAttribute("lesson", lesson);
		model.addAttribute("errors", errors);
		model.addAttribute("previewEn", SafeMarkdown.html(lesson.bodyEn(), 2, SafeMarkdown.Author.STAFF));
		model.addAttribute("previewEs", SafeMarkdown.html(lesson.bodyEs(), 2, SafeMarkdown.Author.STAFF));
		return "toolkit/admin/lesson";
	}

	private static String shorter(String value, int max) {
		return (value.length() > max * 2) ? value.substring(0, max * 2) : value;
	}

}
