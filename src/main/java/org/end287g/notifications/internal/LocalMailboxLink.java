package org.end287g.notifications.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Registered only when the local mailbox is open: pages rendered for this machine's
 * person get {@code localMailbox}, so the "check your e-mail" pages (fragment
 * {@code fragments/local-mailbox :: offer}) link to the kept mail. Never on a redirect,
 * whose model would become parameters of the address.
 */
final class LocalMailboxLink implements HandlerInterceptor {

	static final String ATTRIBUTE = "localMailbox";

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		String view = (page != null) ? page.getViewName() : null;
		if (page != null && view != null && !view.contains(":") && ThisMachine.madeIt(request)) {
			page.addObject(ATTRIBUTE, Boolean.TRUE);
		}
	}

}
