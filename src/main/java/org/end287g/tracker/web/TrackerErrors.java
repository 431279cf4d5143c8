package org.end287g.tracker.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The tracker's one place for errors: JSON {@code {"error": ...}} for the API and feeds,
 * a translated page otherwise, always with the right status.
 */
@ControllerAdvice(basePackageClasses = TrackerErrors.class)
class TrackerErrors {

	private final MessageSource messages;

	TrackerErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(TrackerNotFound.class)
	Object notFound(TrackerNotFound ex, HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.NOT_FOUND,
				this.messages.getMessage(ex.messageKey(), ex.arguments(), locale));
	}

	@ExceptionHandler(BadTrackerRequest.class)
	Object badRequest(BadTrackerRequest ex, HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.BAD_REQUEST, this.messages.getMessage(ex.messageKey(), null, locale));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	Object malformed(Exception ex, HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.BAD_REQUEST,
				this.messages.getMessage("error.param.malformed", null, locale));
	}

	private Object respond(HttpServletRequest request, HttpStatus status, String message) {
		String path = request.getRequestURI();
		if (path.startsWith("/api/") || path.startsWith("/feeds/")) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
		}
		ModelAndView page = new ModelAndView("tracker/problem", Map.of("message", message, "status", status.value()));
		page.setStatus(status);
		return page;
	}

}
