package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff page to upload one of ICE's sheets and see every snapshot. Guarded by the admin
 * password (SecurityConfig); works without JavaScript.
 */
@Controller
class ImportController {

	static final String VIEW = "admin/import";

	private final IceSheets sheets;

	private final MessageSource messages;

	private final ImportProperties limits;

	ImportController(IceSheets sheets, MessageSource messages, ImportProperties limits) {
		this.sheets = sheets;
		this.messages = messages;
		this.limits = limits;
	}

	@GetMapping("/admin/import")
	String form(Model model) {
		return page(model);
	}

	@PostMapping("/admin/import")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			return error(model, response, "import.reject.empty", HttpStatus.BAD_REQUEST);
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
		model.addAttribute("result", result);
		model.addAttribute("resultMessage", message(result.messageKey(), result.messageArguments()));
		return page(model);
	}

	String error(Model model, HttpServletResponse response, String messageKey, HttpStatus status) {
		response.setStatus(status.value());
		model.addAttribute("errorMessage", message(messageKey, new Object[] { this.limits.maxFileBytes() }));
		return page(model);
	}

	/**
	 * Always formatted (never an empty argument list), so '' is an apostrophe in every
	 * message.
	 */
	private String message(String key, Object[] arguments) {
		Object[] formatted = (arguments == null || arguments.length == 0) ? new Object[] { "" } : arguments;
		return this.messages.getMessage(key, formatted, LocaleContextHolder.getLocale());
	}

	private String page(Model model) {
		model.addAttribute("snapshots", this.sheets.snapshots());
		model.addAttribute("sampleOnly", this.sheets.sampleOnly());
		return VIEW;
	}

}
