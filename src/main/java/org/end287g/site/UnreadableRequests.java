package org.end287g.site;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before Spring Security or any page reads it, a request the server cannot read:
 * an address longer than {@link #MAX_URL_CHARS} (414), a form larger than Tomcat's
 * {@code maxPostSize} (413), a parameter that is not valid UTF-8 (400). Such a request
 * gets the site's translated answer ({@link ErrorPages}) instead of Tomcat's page, and no
 * error in the log, which is what Tomcat's exception from {@code getParameter} caused.
 */
class UnreadableRequests extends OncePerRequestFilter {

	/** Longer addresses are refused (Tomcat reads up to 32 KB of headers). */
	static final int MAX_URL_CHARS = 16 * 1024;

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpStatus refusal = refusal(request);
		if (refusal == null) {
			chain.doFilter(request, response);
		}
		else if (request.getDispatcherType() == DispatcherType.ERROR) {
			// the page that explains the refusal must not trip over the same parameters
			chain.doFilter(new WithoutParameters(request), response);
		}
		else {
			response.sendError(refusal.value());
		}
	}

	private static @Nullable HttpStatus refusal(HttpServletRequest request) {
		String query = request.getQueryString();
		if (request.getRequestURI().length() + ((query != null) ? query.length() : 0) > MAX_URL_CHARS) {
			return HttpStatus.URI_TOO_LONG;
		}
		if (isMultipart(request)) {
			// uploads have limits and messages of their own
			// (MaxUploadSizeExceededException)
			return null;
		}
		try {
			request.getParameterMap();
			return null;
		}
		catch (InvalidParameterException ex) {
			HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
			return (status != null && status.is4xxClientError()) ? status : HttpStatus.BAD_REQUEST;
		}
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA.getType(), 0,
				MediaType.MULTIPART_FORM_DATA.getType().length());
	}

	/** The request as if it had no parameters, which could not be read. */
	private static final class WithoutParameters extends HttpServletRequestWrapper {

		WithoutParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return null;
		}

	}

}
