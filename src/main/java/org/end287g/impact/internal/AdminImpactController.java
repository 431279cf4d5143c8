package org.end287g.impact.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;
import org.end287g.validation.CsvText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff enter impact figures one by one or import a CSV ({@code /admin/**}: admins signed
 * in with a passkey). A dry run checks a file and saves nothing; a real run saves every
 * line or, when any line is refused, none, and lists each refusal with its line.
 */
@Controller
class AdminImpactController {

	private final Figures figures;

	private final MessageSource messages;

	AdminImpactController(Figures figures, MessageSource messages) {
		this.figures = figures;
		this.messages = messages;
	}

	@GetMapping("/admin/impact")
	String page(Model model) {
		return show(FigureInput.empty(), Map.of(), model);
	}

	@PostMapping("/admin/impact/figures")
	String add(Authentication authentication, @ModelAttribute FigureInput form, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		FigureInput.Checked checked = form.check();
		Figure figure = checked.figure();
		Map<String, String> errors = Checks.byField(checked.refusals());
		if (figure != null && this.figures.exists(figure)) {
			errors.put("sourceTitle", "impact.error.duplicate");
		}
		if (figure == null || !errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return show(form, errors, model);
		}
		this.figures.add(List.of(figure), authentication.getName());
		redirect.addFlashAttribute("notice", "impact.admin.added");
		return "redirect:/admin/impact";
	}

	@PostMapping("/admin/impact/figures/{id}/delete")
	String delete(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
		if (!this.figures.delete(id, authentication.getName())) {
			throw Problem.notFound("impact.error.figure");
		}
		redirect.addFlashAttribute("notice", "impact.admin.deleted");
		return "redirect:/admin/impact";
	}

	@PostMapping("/admin/impact/import")
	String importCsv(Authentication authentication, @RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String csv, @RequestParam(defaultValue = "false") boolean dryRun,
			HttpServletResponse response, Model model, Locale locale) throws IOException {
		String text = text(file, csv);
		FigureCsv.Result result = (text != null) ? FigureCsv.read(text, this.figures.all()) : new FigureCsv.Result(
				List.of(), List.of(new FigureCsv.LineRefusal(0, "file", "impact.csv.error.encoding")));
		model.addAttribute("importRefusals", result.refusals().stream().map((r) -> told(r, locale)).toList());
		model.addAttribute("importCount", result.figures().size());
		model.addAttribute("dryRun", dryRun);
		if (!result.ok()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		else if (!dryRun) {
			this.figures.add(result.figures(), authentication.getName());
			model.addAttribute("imported", true);
		}
		return show(FigureInput.empty(), Map.of(), model);
	}

	/** The text of the file (or of the pasted field); null when it is not UTF-8. */
	private static @Nullable String text(@Nullable MultipartFile file, @Nullable String csv) throws IOException {
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > FigureCsv.MAX_CHARS * 4L) {
				return "x".repeat(FigureCsv.MAX_CHARS + 1);
			}
			return CsvText.decode(file.getBytes());
		}
		return (csv != null) ? csv : "";
	}

	/** A refusal as staff read it: its line, the field and how to fix it. */
	private String told(FigureCsv.LineRefusal refusal, Locale locale) {
		String why = this.messages.getMessage(refusal.key(), null, locale);
		if (refusal.line() == 0) {
			return why;
		}
		if ("file".equals(refusal.field())) {
			return this.messages.getMessage("impact.csv.lineOnly", new Object[] { refusal.line(), why }, locale);
		}
		String field = this.messages.getMessage("impact.field." + refusal.field(), null, locale);
		return this.messages.getMessage("impact.csv.line", new Object[] { refusal.line(), field, why }, locale);
	}

	private String show(FigureInput form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("figures", this.figures.all());
		model.addAttribute("measures", Figure.MEASURES);
		model.addAttribute("models", Win.MODELS);
		model.addAttribute("qualifiers", Figure.QUALIFIERS);
		model.addAttribute("columns", FigureInput.COLUMNS);
		return "impact/admin/figures";
	}

}
