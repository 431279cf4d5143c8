package org.end287g.site;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout which navigation item is the current page, so it can mark it with
 * {@code aria-current} without any script.
 */
@ControllerAdvice
class Navigation {

	@ModelAttribute("navigation")
	Current navigation(HttpServletRequest request) {
		return new Current(request.getRequestURI().substring(request.getContextPath().length()));
	}

	record Current(String path) {

		/**
		 * {@code page} on the item's own page, {@code true} on a page below it (such as
		 * one state under /states), otherwise null so that Thymeleaf leaves the attribute
		 * out.
		 */
		public @Nullable String ariaCurrent(String item) {
			if (this.path.equals(item)) {
				return "page";
			}
			return this.path.startsWith(item + "/") ? "true" : null;
		}

	}

}
