package org.end287g.help.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.coalitions.OrganizationProfiles;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
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
 * Staff keep the directory ({@code /admin/**}: admins signed in with a passkey): list,
 * add, edit, approve proposals, delete, and import a CSV file.
 */
@Controller
class HelpAdminController {

	private final HelpDirectory directory;

	private final HelpCsv csv;

	private final OrganizationProfiles organizations;

	HelpAdminController(HelpDirectory directory, HelpCsv csv, OrganizationProfiles organizations) {
		this.directory = directory;
		this.csv = csv;
		this.organizations = organizations;
	}

	/** The choices of the entry form. */
	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("helpKinds", HelpKind.values());
		model.addAttribute("helpCosts", HelpCost.values());
	}

	@GetMapping("/admin/help")
	String list(Model model) {
		List<HelpEntry> entries = this.directory.all();
		Map<Long, OrganizationProfiles.Profile> proposers = new HashMap<>();
		entries.stream()
			.map(HelpEntry::proposedBy)
			.filter(Objects::nonNull)
			.distinct()
			.forEach((id) -> this.organizations.of(id).ifPresent((found) -> proposers.put(id, found)));
		model.addAttribute("entries", entries);
		model.addAttribute("proposers", proposers);
		return "help/admin/list";
	}

	@GetMapping("/admin/help/new")
	String newEntry(Model model) {
		model.addAttribute("form", HelpForm.empty());
		model.addAttribute("errors", Map.of());
		return "help/admin/entry";
	}

	@PostMapping("/admin/help")
	String create(@ModelAttribute("form") HelpForm form, Authentication authentication, HttpServletResponse response,
			Model model, Locale locale, RedirectAttributes redirect) {
		Map<String, String> errors = this.directory.problems(form, null, locale);
		if (errors.isEmpty()) {
			try {
				long id = this.directory.create(form, true, authentication.getName(), null);
				redirect.addFlashAttribute("notice", "help.admin.saved");
				return "redirect:/admin/help/" + id;
			}
			catch (DuplicateKeyException ex) {
				errors = this.directory.problems(form, null, locale);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("errors", errors);
		return "help/admin/entry";
	}

	@GetMapping("/admin/help/{id}")
	String edit(@PathVariable long id, Model model) {
		HelpEntry entry = entry(id, model);
		model.addAttribute("entry", entry);
		model.addAttribute("form", HelpForm.of(entry));
		model.addAttribute("errors", Map.of());
		return "help/admin/entry";
	}

	@PostMapping("/admin/help/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") HelpForm form, Authentication authentication,
			HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
		HelpEntry entry = entry(id, model);
		Map<String, String> errors = this.directory.problems(form, id, locale);
		if (errors.isEmpty()) {
			try {
				this.directory.update(id, form, authentication.getName());
				redirect.addFlashAttribute("notice", "help.admin.saved");
				return "redirect:/admin/help/" + id;
			}
			catch (DuplicateKeyException ex) {
				errors = this.directory.problems(form, id, locale);
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("entry", entry);
		model.addAttribute("errors", errors);
		return "help/admin/entry";
	}

	@PostMapping("/admin/help/{id}/approve")
	String approve(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		if (!this.directory.approve(id, authentication.getName())) {
			throw Problem.notFound("help.error.unknown");
		}
		redirect.addFlashAttribute("notice", "help.admin.approved");
		return "redirect:/admin/help";
	}

	@PostMapping("/admin/help/{id}/delete")
	String delete(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		if (!this.directory.delete(id, authentication.getName())) {
			throw Problem.notFound("help.error.unknown");
		}
		redirect.addFlashAttribute("notice", "help.admin.deleted");
		return "redirect:/admin/help";
	}

	/** The columns of the import, as its page lists them. */
	@ModelAttribute("csvColumns")
	String csvColumns() {
		return String.join(",", HelpCsv.COLUMNS);
	}

	@GetMapping("/admin/help/import")
	String importForm() {
		return "help/admin/import";
	}

	/** A file, or text pasted into the page; a dry run unless {@code store} is given. */
	@PostMapping("/admin/help/import")
	String importFile(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "text", required = false) @Nullable String text,
			@RequestParam(name = "store", required = false) @Nullable String store, Authentication authentication,
			HttpServletResponse response, Model model, Locale locale) throws IOException {
		byte[] bytes;
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > HelpCsv.MAX_BYTES) {
				bytes = new byte[HelpCsv.MAX_BYTES + 1];
			}
			else {
				bytes = file.getBytes();
			}
		}
		else {
			bytes = (text != null) ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
		}
		HelpCsv.Report report = this.csv.importFile(bytes, store == null, locale, authentication.getName());
		if (!report.ok()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("report", report);
		model.addAttribute("text", (text != null && text.length() <= HelpCsv.MAX_BYTES) ? text : "");
		return "help/admin/import";
	}

	/** The entry, and the organisation that proposed it for its page. */
	private HelpEntry entry(long id, Model model) {
		HelpEntry entry = this.directory.find(id).orElseThrow(() -> Problem.notFound("help.error.unknown"));
		Long proposedBy = entry.proposedBy();
		if (proposedBy != null) {
			this.organizations.of(proposedBy).ifPresent((found) -> model.addAttribute("proposer", found));
		}
		return entry;
	}

}
