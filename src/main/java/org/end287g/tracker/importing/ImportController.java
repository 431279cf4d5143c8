package org.end287g.tracker.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff page to upload one of ICE's sheets and see every snapshot. Staff only (under
 * /admin, accounts' staff area); works without JavaScript.
 */
@Controller
class ImportController {

	private final IceSheets sheets;

	private final ImportPage page;

	ImportController(IceSheets sheets, ImportPage page) {
		this.sheets = sheets;
		this.page = page;
	}

	@GetMapping("/admin/import")
	String form(Model model) {
		return this.page.show(model);
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

}
