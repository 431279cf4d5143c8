package org.end287g.campaigns;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.end287g.campaigns.pages.BadCampaignRequest;
import org.end287g.campaigns.pages.CampaignNotFound;
import org.end287g.campaigns.signing.GroupCommit;

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
 * Errors of the campaign pages and API: JSON {@code {"error": ...}} under /api/, the
 * site's translated error pages otherwise, always with the right status.
 */
@ControllerAdvice(basePackageClasses = CampaignErrors.class)
class CampaignErrors {

	private final MessageSource messages;

	CampaignErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(CampaignNotFound.class)
	Object notFound(HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.NOT_FOUND, "error/404",
				this.messages.getMessage("campaigns.error.unknown", null, locale));
	}

	@ExceptionHandler(BadCampaignRequest.class)
	Object badRequest(BadCampaignRequest ex, HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.BAD_REQUEST, "campaigns/problem",
				this.messages.getMessage(ex.messageKey(), null, locale));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	Object malformed(HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.BAD_REQUEST, "campaigns/problem",
				this.messages.getMessage("error.param.malformed", null, locale));
	}

	@ExceptionHandler(GroupCommit.Busy.class)
	Object busy(HttpServletRequest request, Locale locale) {
		return respond(request, HttpStatus.SERVICE_UNAVAILABLE, "campaigns/problem",
				this.messages.getMessage("campaigns.error.busy", null, locale));
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
