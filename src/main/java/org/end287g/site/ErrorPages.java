package org.end287g.site;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.end287g.problems.Problem;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors that reach the servlet container's error dispatch (an unknown address, a refused
 * POST, a failure, a filter's refusal) get the same translated page as a {@link Problem}:
 * one template, {@code error/problem}, for every status.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	static final String VIEW = "error/problem";

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		// a filter that refused the request may have left its problem (SignInAttemptLimit)
		Problem problem = (request.getAttribute(Problem.ATTRIBUTE) instanceof Problem refused) ? refused
				: generic(status);
		return page(problem.updateAndGetBody(this.messages, RequestContextUtils.getLocale(request)));
	}

	/** The page of a translated problem, with its status. */
	static ModelAndView page(ProblemDetail problem) {
		String title = problem.getTitle();
		String detail = (problem.getDetail() != null) ? problem.getDetail() : title;
		ModelAndView page = new ModelAndView(VIEW,
				Map.of("status", problem.getStatus(), "title", title, "detail", detail));
		page.setStatus(HttpStatusCode.valueOf(problem.getStatus()));
		return page;
	}

	private static Problem generic(HttpStatus status) {
		if (status == HttpStatus.NOT_FOUND) {
			return Problem.of(status, "error.notFound.title", "error.notFound.text");
		}
		return status.is4xxClientError() ? Problem.of(status, "error.client.title", "error.client.text")
				: Problem.of(status, "error.server.title", "error.server.text");
	}

}
