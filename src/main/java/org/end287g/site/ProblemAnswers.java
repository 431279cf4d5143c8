package org.end287g.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * How a refused request is answered, whether Spring MVC or the servlet container's error
 * dispatch met the refusal: the translated page ({@code error/problem}), or under
 * {@code /api/} and {@code /feeds/} the problem as JSON, which keeps {@code error} (the
 * translated detail) for the clients that read it.
 */
@Component
class ProblemAnswers {

	static final String VIEW = "error/problem";

	private final MessageSource messages;

	ProblemAnswers(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The problem translated, as JSON for the API and feeds at {@code path}, else a page.
	 */
	Object answer(Problem problem, String path, HttpServletResponse response, Locale locale) {
		ProblemDetail body = problem.updateAndGetBody(this.messages, locale);
		problem.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
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
