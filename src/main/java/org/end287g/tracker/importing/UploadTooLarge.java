package org.end287g.tracker.importing;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload past spring.servlet.multipart.max-file-size fails before any controller runs:
 * answer with the upload page and a translated message.
 */
@ControllerAdvice
class UploadTooLarge {

	private final ImportPage page;

	UploadTooLarge(ImportPage page) {
		this.page = page;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		return this.page.withError(model, "import.reject.too-big");
	}

}
