package org.end287g.site;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and Spanish. The browser's Accept-Language decides until the visitor picks a
 * language with the switch ({@code ?lang=es}), which is remembered in a cookie, not a
 * session: HttpOnly, SameSite=Lax, and Secure whenever the request came over HTTPS (also
 * through a proxy that says so, {@code server.forward-headers-strategy}), so plain HTTP
 * on a developer's machine keeps working.
 */
@Configuration
class LocaleConfig implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	@Bean
	LocaleResolver localeResolver() {
		return new SupportedLocaleCookieResolver();
	}

	/** Reads and writes the language cookie, but only ever yields a language we speak. */
	static class SupportedLocaleCookieResolver extends CookieLocaleResolver {

		static final String COOKIE = "lang";

		/** Writes the same cookie with Secure, for requests that came over HTTPS. */
		private final CookieLocaleResolver overHttps = new CookieLocaleResolver(COOKIE);

		SupportedLocaleCookieResolver() {
			super(COOKIE);
			settings(this);
			settings(this.overHttps);
			this.overHttps.setCookieSecure(true);
		}

		private static void settings(CookieLocaleResolver resolver) {
			resolver.setDefaultLocaleFunction(LocaleConfig::fromBrowser);
			resolver.setCookieMaxAge(Duration.ofDays(365));
			resolver.setCookieSameSite("Lax");
			resolver.setCookieHttpOnly(true);
			// A malformed or forged cookie must not break every page: ignore it, use the
			// browser's.
			resolver.setRejectInvalidCookies(false);
		}

		/**
		 * Resolved when asked, so a language switched by {@code ?lang=} during this
		 * request is also the one {@code LocaleContextHolder} gives (form errors are
		 * worded in it).
		 */
		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			return () -> resolveLocale(request);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale locale = super.resolveLocale(request);
			return (locale != null) ? supported(locale) : Locale.ENGLISH;
		}

		@Override
		public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable LocaleContext localeContext) {
			Locale wanted = (localeContext != null) ? localeContext.getLocale() : null;
			LocaleContext chosen = (wanted != null) ? new SimpleLocaleContext(supported(wanted)) : null;
			if (request.isSecure()) {
				this.overHttps.setLocaleContext(request, response, chosen);
			}
			else {
				super.setLocaleContext(request, response, chosen);
			}
		}

	}

	/** The first of the browser's languages that we speak, else English. */
	static Locale fromBrowser(HttpServletRequest request) {
		for (Locale locale : Collections.list(request.getLocales())) {
			for (Locale supported : SUPPORTED) {
				if (supported.getLanguage().equals(locale.getLanguage())) {
					return supported;
				}
			}
		}
		return Locale.ENGLISH;
	}

	static Locale supported(Locale wanted) {
		return SUPPORTED.stream()
			.filter((locale) -> locale.getLanguage().equals(wanted.getLanguage()))
			.findFirst()
			.orElse(Locale.ENGLISH);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
