package org.end287g.toolkit.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.problems.Problem;
import org.end287g.site.SafeMarkdown;
import org.end287g.validation.PlainText;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	/** A lesson's texts in both languages as staff type them (Markdown bodies). */
	record LessonForm(@PlainText(max = Lessons.MAX_TITLE, visibleOnly = true, codePoints = true,
			required = "{toolkit.lessons.error.title.required}", tooLong = "{toolkit.lessons.error.title.long}",
			lineBreak = "{toolkit.lessons.error.title.lines}", message = "{toolkit.error.hidden}") String titleEn,
			@PlainText(max = Lessons.MAX_TITLE, visibleOnly = true, codePoints = true,
					required = "{toolkit.lessons.error.title.required}", tooLong = "{toolkit.lessons.error.title.long}",
					lineBreak = "{toolkit.lessons.error.title.lines}",
					message = "{toolkit.error.hidden}") String titleEs,
			@PlainText(max = Lessons.MAX_BODY, multiline = true, visibleOnly = true, codePoints = true,
					required = "{toolkit.lessons.error.body.required}", tooLong = "{toolkit.lessons.error.body.long}",
					message = "{toolkit.error.hidden}") String bodyEn,
			@PlainText(max = Lessons.MAX_BODY, multiline = true, visibleOnly = true, codePoints = true,
					required = "{toolkit.lessons.error.body.required}", tooLong = "{toolkit.lessons.error.body.long}",
					message = "{toolkit.error.hidden}") String bodyEs) {

		LessonForm {
			titleEn = TypedText.lines(titleEn);
			titleEs = TypedText.lines(titleEs);
			bodyEn = TypedText.lines(bodyEn);
			bodyEs = TypedText.lines(bodyEs);
		}

		static LessonForm of(Lessons.Lesson lesson) {
			return new LessonForm(lesson.titleEn(), lesson.titleEs(), lesson.bodyEn(), lesson.bodyEs());
		}

	}

	@GetMapping("/admin/toolkit/lessons/{slug}")
	String edit(@PathVariable String slug, Model model) {
		Lessons.Lesson lesson = this.lessons.find(slug)
			.orElseThrow(() -> Problem.notFound("toolkit.lessons.error.unknown"));
		LessonForm form = LessonForm.of(lesson);
		model.addAttribute("form", form);
		return show(lesson, form, model);
	}

	@PostMapping("/admin/toolkit/lessons/{slug}")
	String save(Authentication authentication, @PathVariable String slug,
			@ModelAttribute("form") @Valid LessonForm form, BindingResult result, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Lessons.Lesson stored = this.lessons.find(slug)
			.orElseThrow(() -> Problem.notFound("toolkit.lessons.error.unknown"));
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return show(stored, ShownBack.of(form), model);
		}
		this.lessons.save(authentication.getName(), new Lessons.Lesson(stored.slug(), stored.position(), form.titleEn(),
				form.titleEs(), form.bodyEn(), form.bodyEs()));
		redirect.addFlashAttribute("notice", "toolkit.lessons.saved");
		return "redirect:/admin/toolkit/lessons/" + stored.slug();
	}

	/**
	 * The stored lesson's page, with the form (as in the model) and its bodies previewed.
	 */
	private String show(Lessons.Lesson lesson, LessonForm form, Model model) {
		model.addAttribute("lesson", lesson);
		model.addAttribute("previewEn", SafeMarkdown.html(form.bodyEn(), 2, SafeMarkdown.Author.STAFF));
		model.addAttribute("previewEs", SafeMarkdown.html(form.bodyEs(), 2, SafeMarkdown.Author.STAFF));
		return "toolkit/admin/lesson";
	}

}
