package org.end287g.accounts.internal;

import java.io.IOException;

import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A passkey added or used on a page opened at another address than the site's
 * ({@code end287g.site.base-url}: another host or port) fails WebAuthn's origin check.
 * Spring Security lets that escape from adding a passkey as a server error and answers a
 * sign-in with a bare 401; here both answer {@code {"error":"bad-origin"}} (400 and 401),
 * which the passkey script turns into a translated message naming the site's address.
 */
final class PasskeyOriginRefusal extends OncePerRequestFilter implements AuthenticationFailureHandler {

	static final String REGISTRATION = "/webauthn/register";

	private static final Logger log = LoggerFactory.getLogger(PasskeyOriginRefusal.class);

	private static final String BODY = "{\"error\":\"bad-origin\"}";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !REGISTRATION.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException ex) {
			if (!wrongOrigin(ex) || response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			answer(response, HttpStatus.BAD_REQUEST, ex);
		}
	}

	/** A passkey sign-in that failed: a bare 401 as before, unless for its origin. */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (wrongOrigin(exception)) {
			answer(response, HttpStatus.UNAUTHORIZED, exception);
		}
		else {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}
	}

	private static void answer(HttpServletResponse response, HttpStatus status, Throwable refusal) throws IOException {
		log.info("Passkey refused: the page was opened at another address than the site's ({})", rootMessage(refusal));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(BODY);
	}

	static boolean wrongOrigin(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BadOriginException || cause instanceof BadRpIdException) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

}
