package org.end287g.site;

import java.util.Objects;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The visible language switch: the same page, with the same query, in the other language.
 * The layout calls it as a bean ({@code @languageSwitch}), so every page has it,
 * including pages rendered by exception handlers, which skip model attributes.
 */
@Component("languageSwitch")
class LanguageSwitch {

	/** The current page's address in the given language. */
	public String url(String language) {
		return linksOf(currentRequest()).url(language);
	}

	static Links linksOf(@Nullable HttpServletRequest request) {
		if (request == null) {
			return new Links("/", null);
		}
		// On an error page, switch the page that failed, not the internal /error path.
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
			return new Links(failed, (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING));
		}
		return new Links(request.getRequestURI(), request.getQueryString());
	}

	private static @Nullable HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	record Links(String path, @Nullable String query) {

		Links {
			// "//host/x" or "/\\host" would make the link leave the site: keep one
			// leading slash.
			path = "/" + path.replaceFirst("^[/\\\\]+", "");
		}

		public String url(String language) {
			return UriComponentsBuilder.fromPath(this.path)
				.query(Objects.requireNonNullElse(this.query, ""))
				.replaceQueryParam("lang", language)
				.build()
				.toUriString();
		}

	}

}
