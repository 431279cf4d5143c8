package org.end287g.tracker.importing;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload past spring.servlet.multipart.max-file-size fails before any controller runs:
 * a sheet upload gets its upload page with a translated message; any other form (a MOA, a
 * photo, a logo) the site's translated "too large" page, never the sheet upload page.
 */
@ControllerAdvice
class UploadTooLarge {

	private final ImportPage page;

	UploadTooLarge(ImportPage page) {
		this.page = page;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@Nullable String tooLarge(HttpServletRequest request, Model model, HttpServletResponse response) throws IOException {
		if ("/admin/import".equals(request.getServletPath())) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			return this.page.withError(model, "import.reject.too-big");
		}
		// the site's error page says the file is too large
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
		return null;
	}

}
