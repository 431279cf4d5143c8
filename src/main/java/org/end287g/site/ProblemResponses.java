package org.end287g.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The site's one answer to a refused request, whichever module refused it: the translated
 * page ({@code error/problem}), or under {@code /api/} and {@code /feeds/} the problem as
 * JSON, which keeps {@code error} (the translated detail) for the clients that read it.
 */
@ControllerAdvice
class ProblemResponses {

	static final String VIEW = "error/problem";

	private final MessageSource messages;

	ProblemResponses(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Problem.class)
	Object problem(Problem problem, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return answer(problem, path, response, this.messages, locale);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	Object malformed(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return problem(Problem.badRequest("error.param.malformed"), request, response, locale);
	}

	/**
	 * The problem translated, as JSON for the API and feeds at {@code path}, else a page.
	 */
	static Object answer(Problem problem, String path, HttpServletResponse response, MessageSource messages,
			Locale locale) {
		ProblemDetail body = problem.updateAndGetBody(messages, locale);
		problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		if (path.startsWith("/api/") || path.startsWith("/feeds/")) {
			body.setInstance(instance(path));
			body.setProperty("error", body.getDetail());
			return ResponseEntity.status(problem.getStatusCode()).contentType(MediaType.APPLICATION_JSON).body(body);
		}
		String detail = (body.getDetail() != null) ? body.getDetail() : body.getTitle();
		ModelAndView page = new ModelAndView(VIEW,
				Map.of("status", body.getStatus(), "title", body.getTitle(), "detail", detail));
		page.setStatus(HttpStatusCode.valueOf(body.getStatus()));
		return page;
	}

	/** The address the problem is about; none when the client sent an unusable one. */
	private static @Nullable URI instance(String path) {
		try {
			return new URI(path);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
