package org.end287g.site;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Replaces Tomcat's error report: a request Tomcat refuses before any filter or page runs
 * (an address it cannot decode as UTF-8, {@code %00}, an encoded backslash, a {@code ..}
 * above the root) gets the site's translated page ({@code error/unreadable}, which needs
 * no request to render), or JSON under {@code /api/} and {@code /feeds/}, never Tomcat's
 * "HTTP Status 400" page. Errors the application meets are answered by {@link ErrorPages}
 * before this valve sees them.
 */
final class TomcatRefusals extends ErrorReportValve {

	static final String VIEW = "error/unreadable";

	private static final Logger log = LoggerFactory.getLogger(TomcatRefusals.class);

	private final MessageSource messages;

	private final ObjectProvider<ITemplateEngine> templates;

	private final ObjectProvider<LocaleResolver> locales;

	private final ObjectProvider<JsonMapper> json;

	TomcatRefusals(MessageSource messages, ObjectProvider<ITemplateEngine> templates,
			ObjectProvider<LocaleResolver> locales, ObjectProvider<JsonMapper> json) {
		this.messages = messages;
		this.templates = templates;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status == null || !status.isError() || response.getContentWritten() > 0 || response.isCommitted()
				|| !response.setErrorReported()) {
			return;
		}
		Locale locale = locale(request);
		ProblemDetail body = ErrorPages.generic(status, request.getContentType())
			.updateAndGetBody(this.messages, locale);
		String path = request.getRequestURI();
		try {
			response.resetBuffer();
			if (path != null && (path.startsWith("/api/") || path.startsWith("/feeds/"))) {
				Map<String, Object> problem = new LinkedHashMap<>();
				problem.put("type", String.valueOf(body.getType()));
				problem.put("title", body.getTitle());
				problem.put("status", body.getStatus());
				problem.put("detail", body.getDetail());
				problem.put("error", body.getDetail());
				write(response, MediaType.APPLICATION_JSON_VALUE, this.json.getObject().writeValueAsString(problem));
			}
			else {
				Map<String, Object> model = new LinkedHashMap<>();
				model.put("status", body.getStatus());
				model.put("title", body.getTitle());
				model.put("detail", body.getDetail());
				Context page = new Context(locale, model);
				write(response, MediaType.TEXT_HTML_VALUE, this.templates.getObject().process(VIEW, page));
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client went away, or the page failed: Tomcat ends the response as it is
			log.debug("Could not answer a refused request", ex);
		}
	}

	private Locale locale(Request request) {
		try {
			return this.locales.getObject().resolveLocale(request);
		}
		catch (RuntimeException ex) {
			return Locale.ENGLISH;
		}
	}

	private static void write(Response response, String contentType, String text) throws IOException {
		response.setContentType(contentType);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "no-store");
		// no filter ran: the headers the security chain gives every other answer
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
		Writer writer = response.getReporter();
		if (writer != null) {
			writer.write(text);
			response.finishResponse();
		}
	}

}
