package org.end287g.privacy.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.privacy.RateLimitExceededException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Every refused attempt gets a translated 429 page that says when to try again. */
@ControllerAdvice
class RateLimitErrors {

	@ExceptionHandler(RateLimitExceededException.class)
	String tooMany(RateLimitExceededException ex, HttpServletResponse response, Model model) {
		long seconds = Math.max(1, ex.retryAfter().toSeconds());
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		model.addAttribute("status", HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("retryMinutes", Math.max(1, (seconds + 59) / 60));
		return "error/429";
	}

}
