package org.end287g.events.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the event pages and API: JSON {@code {"error": ...}} under /api/, the site's
 * translated error pages otherwise; and the CSRF token made early.
 */
@ControllerAdvice(basePackageClasses = EventErrors.class)
class EventErrors {

	private final MessageSource messages;

	EventErrors(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Pages with a form need the CSRF token: it is made (and its cookie set) before the
	 * page starts streaming, not when the form is reached.
	 */
	@ModelAttribute
	void csrfToken(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}

	@ExceptionHandler(EventNotFound.class)
	Object notFound(HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.NOT_FOUND, "error/404",
				this.messages.getMessage("events.error.unknown", null, locale));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	Object malformed(HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.BAD_REQUEST, "events/problem",
				this.messages.getMessage("error.param.malformed", null, locale));
	}

	private Object respond(HttpServletRequest request, HttpStatus status, String view, String message) {
		if (request.getRequestURI().startsWith("/api/")) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
		}
		ModelAndView page = new ModelAndView(view, Map.of("message", message, "status", status.value()));
		page.setStatus(status);
		return page;
	}

}
