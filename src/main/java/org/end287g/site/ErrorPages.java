package org.end287g.site;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error dispatch (an unknown address, a refused POST, a method or
 * media type a page does not take, a failure, a filter's refusal) answered like a
 * {@link Problem}: the translated page, or JSON under /api/ and /feeds/. Replaces Spring
 * Boot's BasicErrorController, whose JSON has no translated message.
 */
@Controller
class ErrorPages implements ErrorController {

	private final ProblemAnswers answers;

	ErrorPages(ProblemAnswers answers) {
		this.answers = answers;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		// a refusing filter may have left its problem (SignInAttemptLimit)
		Problem problem = (request.getAttribute(Problem.ATTRIBUTE) instanceof Problem refused) ? refused
				: generic(status(request), request.getContentType());
		return this.answers.answer(problem, failedPath(request), response, locale);
	}

	private static HttpStatus status(HttpServletRequest request) {
		HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)
				? HttpStatus.resolve(code) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** The address that failed, not /error. */
	private static String failedPath(HttpServletRequest request) {
		String uri = (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) ? failed
				: request.getRequestURI();
		return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
	}

	static Problem generic(HttpStatus status) {
		return generic(status, null);
	}

	/** The answer to a status; an upload refused as too large says so. */
	static Problem generic(HttpStatus status, @Nullable String contentType) {
		if (status == HttpStatus.NOT_FOUND) {
			return Problem.of(status, "error.notFound.title", "error.notFound.text");
		}
		if (status == HttpStatus.CONTENT_TOO_LARGE && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			return Problem.of(status, "error.tooLarge.title", "error.tooLarge.text");
		}
		return status.is4xxClientError() ? Problem.of(status, "error.client.title", "error.client.text")
				: Problem.of(status, "error.server.title", "error.server.text");
	}

}
