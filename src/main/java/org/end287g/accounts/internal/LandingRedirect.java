package org.end287g.accounts.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After a sign-in by link: to the landing the link named ({@code next}), when it is one
 * to follow, else to the person's landing ({@link SignInLanding}).
 */
class LandingRedirect implements AuthenticationSuccessHandler {

	/** The form field of the link page that carries the landing. */
	static final String NEXT = "next";

	private final SignInLanding landing;

	LandingRedirect(SignInLanding landing) {
		this.landing = landing;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String next = SignInLanding.next(request.getParameter(NEXT));
		String target = (next != null) ? next : this.landing.of(authentication);
		response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + target));
	}

}
