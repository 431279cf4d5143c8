package org.end287g.accounts.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a sign-in older than {@code end287g.accounts.session-max-age}, however active: the
 * session is invalidated and the request goes on as anonymous (a page that needs sign-in
 * then sends the person to /sign-in). Inactivity is handled by the session store
 * ({@code spring.session.timeout}).
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private final AccountsProperties properties;

	private final Clock clock;

	SessionLifetimeFilter(AccountsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SignInDetails.SIGNED_IN_AT) instanceof Long signedInAt
				&& this.clock.millis() - signedInAt > this.properties.accounts().sessionMaxAge().toMillis()) {
			session.invalidate();
			SecurityContextHolder.clearContext();
		}
		chain.doFilter(request, response);
	}

}
