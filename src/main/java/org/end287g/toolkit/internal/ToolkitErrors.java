package org.end287g.toolkit.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** The toolkit's refusals as the site's translated pages, with the right status. */
@ControllerAdvice(basePackageClasses = ToolkitErrors.class)
class ToolkitErrors {

	private final MessageSource messages;

	ToolkitErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ToolkitProblem.class)
	ModelAndView problem(ToolkitProblem ex, Locale locale) {
		return page(ex.status(), this.messages.getMessage(ex.messageKey(), null, locale));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	ModelAndView malformed(Locale locale) {
		return page(HttpStatus.BAD_REQUEST, this.messages.getMessage("error.param.malformed", null, locale));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView((status == HttpStatus.NOT_FOUND) ? "error/404" : "toolkit/problem",
				Map.of("message", message, "status", status.value()));
		page.setStatus(status);
		return page;
	}

}
