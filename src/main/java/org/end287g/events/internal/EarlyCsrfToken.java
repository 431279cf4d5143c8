package org.end287g.events.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Event pages with a form need the CSRF token: it is made (and its cookie set) before the
 * page starts streaming, not when the form is reached.
 */
@ControllerAdvice(basePackageClasses = EarlyCsrfToken.class)
class EarlyCsrfToken {

	@ModelAttribute
	void csrfToken(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}

}
