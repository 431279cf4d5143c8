package org.end287g.site;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The visible language switch: the same page, with the same query, in the other language.
 */
@ControllerAdvice
class LanguageSwitch {

	@ModelAttribute("languageSwitch")
	Links languageSwitch(HttpServletRequest request) {
		// On an error page, switch the page that failed, not the internal /error path.
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
			return new Links(failed, (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING));
		}
		return new Links(request.getRequestURI(), request.getQueryString());
	}

	record Links(String path, String query) {

		Links {
			// "//host/x" or "/\\host" would make the link leave the site: keep one
			// leading slash.
			path = "/" + path.replaceFirst("^[/\\\\]+", "");
		}

		public String url(String language) {
			return UriComponentsBuilder.fromPath(path)
				.query(query)
				.replaceQueryParam("lang", language)
				.build()
				.toUriString();
		}

	}

}
