package org.end287g.site;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;

import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The site's one answer to a refused request, whichever module refused it: the translated
 * page ({@code error/problem}), or under {@code /api/} and {@code /feeds/} the problem as
 * JSON, which keeps {@code error} (the translated detail) for the clients that read it.
 */
@ControllerAdvice
class ProblemResponses {

	private final ProblemAnswers answers;

	ProblemResponses(ProblemAnswers answers) {
		this.answers = answers;
	}

	@ExceptionHandler(Problem.class)
	Object problem(Problem problem, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.answers.answer(problem, path, response, locale);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	Object malformed(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return problem(Problem.badRequest("error.param.malformed"), request, response, locale);
	}

}
