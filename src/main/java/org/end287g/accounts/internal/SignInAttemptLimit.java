package org.end287g.accounts.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.privacy.RateLimitExceededException;
import org.end287g.privacy.RateLimits;
import org.end287g.problems.Problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rate limit {@code sign-in-attempt} on Spring Security's own sign-in endpoints (a
 * one-time token posted to /login/ott, a passkey's options and assertion), per hashed
 * client address: they are answered by filters, before any controller. A refusal is the
 * translated 429 page with Retry-After.
 */
class SignInAttemptLimit extends OncePerRequestFilter {

	static final String LIMIT = "sign-in-attempt";

	private static final List<RequestMatcher> ENDPOINTS = List.of(
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/login/ott"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/login/webauthn"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/webauthn/authenticate/options"));

	private final RateLimits limits;

	SignInAttemptLimit(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return ENDPOINTS.stream().noneMatch((endpoint) -> endpoint.matches(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.limits.check(LIMIT, request.getRemoteAddr(), null);
		}
		catch (RateLimitExceededException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
			// the error page shows this problem (how long to wait), not a generic 429
			request.setAttribute(Problem.ATTRIBUTE, ex);
			response.sendError(ex.getStatusCode().value());
			return;
		}
		chain.doFilter(request, response);
	}

}
