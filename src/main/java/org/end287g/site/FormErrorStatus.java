package org.end287g.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A form sent back to its page because of errors answers 400, whichever page it is: the
 * page shows the translated errors, and clients, scanners and logs see that the request
 * was refused, not accepted. Pages that set another error status keep theirs.
 */
@Component
class FormErrorStatus implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || HttpMethod.GET.matches(request.getMethod()) || response.getStatus() != 200
				|| (page.getStatus() != null && page.getStatus().isError())) {
			return;
		}
		boolean refused = page.getModel()
			.values()
			.stream()
			.anyMatch((value) -> value instanceof BindingResult result && result.hasErrors());
		if (refused) {
			page.setStatus(HttpStatus.BAD_REQUEST);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
	}

}
