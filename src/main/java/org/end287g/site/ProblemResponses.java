package org.end287g.site;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The site's one answer to a refused request, whichever module refused it: the translated
 * page ({@link ErrorPages}), or under {@code /api/} and {@code /feeds/} the problem as
 * JSON, which keeps {@code error} (the translated detail) for the clients that read it.
 */
@ControllerAdvice
class ProblemResponses {

	private final MessageSource messages;

	ProblemResponses(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Problem.class)
	Object problem(Problem problem, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		ProblemDetail body = problem.updateAndGetBody(this.messages, locale);
		if (wantsJson(request)) {
			body.setProperty("error", body.getDetail());
			return ResponseEntity.status(problem.getStatusCode())
				.headers(problem.getHeaders())
				.contentType(MediaType.APPLICATION_JSON)
				.body(body);
		}
		problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		return ErrorPages.page(body);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	Object malformed(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return problem(Problem.badRequest("error.param.malformed"), request, response, locale);
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/feeds/");
	}

}
