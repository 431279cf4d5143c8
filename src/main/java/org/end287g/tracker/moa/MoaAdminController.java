package org.end287g.tracker.moa;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's page of the MOA library (under /admin: staff signed in with a passkey): attach
 * an agreement's PDF by hand, when ICE's link is broken or missing, and write the notes
 * that explain the key clauses in both languages. Every change is audited.
 */
@Controller
class MoaAdminController {

	private static final Set<String> MODELS = Set.of("JEM", "TFM", "WSO");

	private static final Set<String> KINDS = Set.of("MOA", "ADDENDUM");

	private static final int MAX_NOTE = 2000;

	private final MoaLibrary library;

	private final MoaProperties properties;

	MoaAdminController(MoaLibrary library, MoaProperties properties) {
		this.library = library;
		this.properties = properties;
	}

	@GetMapping("/admin/moa")
	String page(Model model) {
		model.addAttribute("notes", this.library.notes());
		model.addAttribute("clauses", Clause.values());
		model.addAttribute("maxMegabytes", this.properties.maxBytes() / (1024 * 1024));
		return "tracker/admin-moa";
	}

	@PostMapping("/admin/moa/upload")
	String upload(Authentication authentication, @RequestParam(defaultValue = "") String agency,
			@RequestParam(defaultValue = "") String model, @RequestParam(defaultValue = "MOA") String kind,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model page,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty() || agency.isBlank() || !MODELS.contains(model) || !KINDS.contains(kind)) {
			return refused(page, response, HttpStatus.BAD_REQUEST, "moa.reject.form");
		}
		try (InputStream in = file.getInputStream()) {
			byte[] pdf = MoaDownloader.bounded(in, this.properties.maxBytes());
			this.library.attachTo(agency.strip(), model, kind,
					Objects.requireNonNullElse(file.getOriginalFilename(), ""), pdf, authentication.getName());
		}
		catch (MoaRejected ex) {
			page.addAttribute("errorArguments", ex.arguments());
			return refused(page, response, HttpStatus.UNPROCESSABLE_CONTENT, ex.messageKey());
		}
		redirect.addFlashAttribute("notice", "moa.admin.attached");
		return "redirect:/admin/moa";
	}

	@PostMapping("/admin/moa/notes")
	String notes(Authentication authentication, @RequestParam Map<String, String> form, Model page,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<Clause, MoaViews.Note> notes = new EnumMap<>(Clause.class);
		for (Clause clause : Clause.values()) {
			String english = form.getOrDefault("en_" + clause.name(), "").strip();
			String spanish = form.getOrDefault("es_" + clause.name(), "").strip();
			if (english.length() > MAX_NOTE || spanish.length() > MAX_NOTE || english.isEmpty() != spanish.isEmpty()
					|| hasControl(english) || hasControl(spanish)) {
				return refused(page, response, HttpStatus.BAD_REQUEST, "moa.admin.notes.invalid");
			}
			notes.put(clause, new MoaViews.Note(clause, english, spanish));
		}
		this.library.saveNotes(notes, authentication.getName());
		redirect.addFlashAttribute("notice", "moa.admin.notes.saved");
		return "redirect:/admin/moa";
	}

	private String refused(Model page, HttpServletResponse response, HttpStatus status, String messageKey) {
		response.setStatus(status.value());
		page.addAttribute("error", messageKey);
		return page(page);
	}

	private static boolean hasControl(String text) {
		return text.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
	}

}
