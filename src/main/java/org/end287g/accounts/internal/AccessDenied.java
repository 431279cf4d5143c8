package org.end287g.accounts.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A 403 is the translated error page, except for an admin who signed in without a passkey
 * and opens a staff page: they get a page that explains how to add a passkey and sign in
 * with it.
 */
class AccessDenied implements AccessDeniedHandler {

	/** Where the explanation is rendered (forwarded to, with status 403). */
	static final String PASSKEY_REQUIRED = "/account/passkey-required";

	private final AccessDeniedHandlerImpl plain = new AccessDeniedHandlerImpl();

	private final AccessDeniedHandlerImpl passkeyRequired = new AccessDeniedHandlerImpl();

	private final RequestMatcher staffPaths;

	AccessDenied(RequestMatcher staffPaths) {
		this.staffPaths = staffPaths;
		this.passkeyRequired.setErrorPage(PASSKEY_REQUIRED);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(denied instanceof CsrfException) && this.staffPaths.matches(request)
				&& StaffRule.lacksOnlyThePasskey(authentication)) {
			this.passkeyRequired.handle(request, response, denied);
			return;
		}
		this.plain.handle(request, response, denied);
	}

}
