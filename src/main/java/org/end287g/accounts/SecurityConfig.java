package org.end287g.accounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Security baseline. Anonymous visitors never get a server-side session (the CSRF token
 * lives in a cookie); a session is created only when a person signs in, and it lives in
 * the shared database (Spring Session JDBC), so any app instance serves any request.
 * Staff pages under /admin need the admin role and a passkey.
 */
@Configuration
@ConditionalOnWebApplication // the command line (java -jar end287g.jar import ...) runs
								// without a web server
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** Admins are people with the admin role who signed in with a passkey. */
	static AuthorizationManager<RequestAuthorizationContext> admin() {
		return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(Roles.ADMIN.name()),
				AuthorityAuthorizationManager.hasAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth.requestMatchers("/admin/**")
			.access(admin())
			.requestMatchers("/account/**", "/organizer/**", "/leader/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
				.sessionFixation(fixation -> fixation.changeSessionId()))
			// RFC 8058: mail providers post one-click unsubscriptions without a CSRF
			// token;
			// the address itself carries a signed token.
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern("/unsubscribe/**")))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"));
		return http.build();
	}

}
