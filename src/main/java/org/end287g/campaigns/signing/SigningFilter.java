package org.end287g.campaigns.signing;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.end287g.accounts.LeanPublicPost;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The signing POST answered without Spring MVC when it succeeds. A viral petition gets
 * thousands of signatures a second, and measured per signature, dispatching through
 * Spring MVC (handler lookup, argument resolution, the redirect view) cost more CPU than
 * writing the signature. This filter runs after Spring Security's chain (so the CSRF
 * check and the security headers are the same as everywhere), signs through
 * {@link Signer}, and answers 303 itself. Every other outcome (a form with errors, an
 * unknown or closed campaign, a limit, a full queue) goes on to
 * {@link SignatureController} with the outcome in a request attribute, which renders it
 * the usual way without signing again.
 */
class SigningFilter extends OncePerRequestFilter {

	private static final String PREFIX = "/campaigns/";

	private static final String SUFFIX = "/sign";

	private final Signer signer;

	private final LocaleResolver locales;

	SigningFilter(Signer signer, LocaleResolver locales) {
		this.signer = signer;
		this.locales = locales;
	}

	/**
	 * Only the signing POST, and not when it switches the language ({@code lang}): Spring
	 * MVC's locale interceptor does that, so such a post goes the usual way.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || slug(request) == null || request.getParameter("lang") != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale locale = this.locales.resolveLocale(request);
		String slug = Objects.requireNonNull(slug(request), "shouldNotFilter lets only signing posts through");
		Signer.Outcome outcome = this.signer.sign(slug, fields(request), request.getRemoteAddr(), locale);
		if (outcome instanceof Signer.Signed signed) {
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + PREFIX + signed.slug() + "/signed");
			return;
		}
		request.setAttribute(Signer.OUTCOME, outcome);
		chain.doFilter(request, response);
	}

	/**
	 * The form's fields: each the first value of its parameter, but the partner boxes
	 * ({@code share}, one per ticked organization) joined by commas.
	 */
	static Function<String, @Nullable String> fields(HttpServletRequest request) {
		return (name) -> {
			if (!"share".equals(name)) {
				return request.getParameter(name);
			}
			String[] values = request.getParameterValues(name);
			return (values != null) ? String.join(",", values) : null;
		};
	}

	/** The slug of {@code /campaigns/{slug}/sign}, or {@code null} for another path. */
	static @Nullable String slug(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
			return null;
		}
		String slug = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
		return (slug.isEmpty() || slug.indexOf('/') >= 0 || slug.indexOf(';') >= 0 || slug.indexOf('%') >= 0) ? null
				: slug;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Just after Spring Security's filters, before the dispatcher servlet. */
		@Bean
		FilterRegistrationBean<SigningFilter> signingFilter(Signer signer, LocaleResolver localeResolver) {
			FilterRegistrationBean<SigningFilter> registration = new FilterRegistrationBean<>(
					new SigningFilter(signer, localeResolver));
			registration.addUrlPatterns(PREFIX + "*");
			registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
			return registration;
		}

		/**
		 * Before it, Spring Security's lean chain (headers and CSRF check only): a
		 * signature names no account, and measured, the full chain took more CPU per
		 * signature than writing it.
		 */
		@Bean
		LeanPublicPost signingPost() {
			return LeanPublicPost.of(PREFIX + "*" + SUFFIX);
		}

	}

}
