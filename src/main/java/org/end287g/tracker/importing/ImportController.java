package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff page to upload one of ICE's sheets, see every snapshot, and accept or reject the
 * sheets the guard held. Staff only (under /admin, accounts' staff area); works without
 * JavaScript.
 */
@Controller
class ImportController {

	private final IceSheets sheets;

	private final ImportPage page;

	private final HeldSheets held;

	ImportController(IceSheets sheets, ImportPage page, HeldSheets held) {
		this.sheets = sheets;
		this.page = page;
		this.held = held;
	}

	@GetMapping("/admin/import")
	String form(@RequestParam(name = "held", required = false) @Nullable String held,
			@RequestParam(name = "page", required = false) @Nullable String page, Model model) {
		if ("accepted".equals(held) || "rejected".equals(held)) {
			model.addAttribute("heldDecision", "admin.import.held.done." + held);
		}
		boolean number = page != null && page.length() <= 6 && page.chars().allMatch(Character::isDigit)
				&& !page.isEmpty();
		return this.page.show(model, (number) ? Integer.parseInt(page) : 1);
	}

	@PostMapping("/admin/import")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return this.page.withError(model, "import.reject.empty");
		}
		ImportResult result;
		try (InputStream content = file.getInputStream()) {
			// a file sent without a name is refused as not ICE's, like any other name
			result = this.sheets.importSheet(content, Objects.requireNonNullElse(file.getOriginalFilename(), ""),
					SheetSource.UPLOAD);
		}
		if (result.status() == ImportResult.Status.REJECTED) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return this.page.withResult(model, result);
	}

	/** Applies a held sheet in its place in the history. */
	@PostMapping("/admin/import/held/{id}/accept")
	String accept(Authentication authentication, @PathVariable String id, Model model, HttpServletResponse response) {
		return decided(heldId(id).map((sheet) -> this.held.accept(sheet, authentication.getName()))
			.orElse(HeldSheets.Outcome.NOT_HELD), "accepted", model, response);
	}

	/** Refuses a held sheet for good. */
	@PostMapping("/admin/import/held/{id}/reject")
	String reject(Authentication authentication, @PathVariable String id, Model model, HttpServletResponse response) {
		return decided(heldId(id).map((sheet) -> this.held.reject(sheet, authentication.getName()))
			.orElse(HeldSheets.Outcome.NOT_HELD), "rejected", model, response);
	}

	private String decided(HeldSheets.Outcome outcome, String done, Model model, HttpServletResponse response) {
		if (outcome == HeldSheets.Outcome.DONE) {
			return "redirect:/admin/import?held=" + done;
		}
		response.setStatus(
				((outcome == HeldSheets.Outcome.NOT_HELD) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT)
					.value());
		return this.page.withError(model,
				(outcome == HeldSheets.Outcome.NOT_HELD) ? "admin.import.held.gone" : "admin.import.held.unreadable");
	}

	/** A held sheet's number from the address; anything else is no held sheet. */
	private static Optional<Long> heldId(String id) {
		if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(id));
	}

}
