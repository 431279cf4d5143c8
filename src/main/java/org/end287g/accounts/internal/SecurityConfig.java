package org.end287g.accounts.internal;

import java.time.Clock;
import java.util.List;

import org.end287g.SiteAddress;
import org.end287g.accounts.LeanPublicPost;
import org.end287g.accounts.RequestRule;
import org.end287g.audit.AuditLog;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.RateLimits;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.DefaultLoginPageConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Security baseline. Anonymous visitors never get a server-side session (the CSRF token
 * lives in a cookie) except during a passkey ceremony; a session is created when a person
 * signs in, and it lives in the shared database (Spring Session JDBC), so any app
 * instance serves any request. Sign-in is by one-time link (Spring Security's one-time
 * token login, the link sent by {@code SignInController}) or by passkey (Spring
 * Security's WebAuthn). Who may open which path is every module's {@link RequestRule}s
 * (staff pages under /admin need staff as {@link StaffRule} defines them: the admin role
 * and a passkey sign-in); busy public posts declared as {@link LeanPublicPost}s take a
 * short chain. Modules that accounts itself uses cannot name those types: they add to
 * every chain through Spring Security's own {@code Customizer} beans (notifications'
 * one-click unsubscribe, without a CSRF token).
 */
@Configuration
@ConditionalOnWebApplication // the command line (java -jar end287g.jar import ...) runs
								// without a web server
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * No observations of the security filter chain: they wrap every filter of every
	 * request (a sixth of the CPU of a signature under load) and nothing reads them.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** The areas named after the roles, which every module may put pages in. */
	@Bean
	RequestRule staffArea() {
		return RequestRule.staff("/admin", "/admin/**");
	}

	@Bean
	RequestRule signedInAreas() {
		return RequestRule.signedIn("/account", "/account/**", "/organizer", "/organizer/**", "/leader", "/leader/**",
				"/webauthn/register/**");
	}

	@Bean
	AccessRules accessRules(List<RequestRule> rules, List<LeanPublicPost> leanPosts) {
		return new AccessRules(rules, leanPosts);
	}

	/**
	 * The lean public posts (signing a petition, the path a viral moment takes) through a
	 * short chain: the same headers and CSRF check as every page, but none of the
	 * sign-in, passkey, logout and session filters, which they never need. Measured: the
	 * full chain took more CPU per signature than writing it.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain leanFilterChain(HttpSecurity http, AccessRules rules) throws Exception {
		http.securityMatcher(rules.leanPaths())
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens()))
			.headers(SecurityConfig::headers)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new AccessDenied(rules.staffPaths())))
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable());
		http.removeConfigurer(DefaultLoginPageConfigurer.class);
		return http.build();
	}

	/**
	 * The CSRF token lives in a cookie, so anonymous visitors need no session. Spring's
	 * repository makes it HttpOnly, and Secure whenever the request is secure: over
	 * HTTPS, or from a proxy whose {@code X-Forwarded-Proto} says so
	 * ({@code server.forward-headers-strategy}); plain HTTP on a developer's machine
	 * keeps working.
	 */
	private static CookieCsrfTokenRepository csrfTokens() {
		return new CookieCsrfTokenRepository();
	}

	/** The security headers of every answer. */
	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000));
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccessRules rules, SignInRecorder signIns,
			AccountsProperties properties, SiteAddress site, RateLimits rateLimits, SignInLanding landing)
			throws Exception {
		PasskeyOriginRefusal wrongOrigin = new PasskeyOriginRefusal();
		http.authorizeHttpRequests(rules::applyTo)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
				.sessionFixation((fixation) -> fixation.changeSessionId()))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens()))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in"))
				.accessDeniedHandler(new AccessDenied(rules.staffPaths())))
			.headers(SecurityConfig::headers)
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			// The link in the mail opens a page (GET /sign-in/link) whose button posts
			// the token to /login/ott, so mail scanners that fetch links do not use it
			// up; the person lands where they work (SignInLanding).
			.oneTimeTokenLogin((ott) -> ott.loginProcessingUrl("/login/ott")
				.loginPage("/sign-in")
				.showDefaultSubmitPage(false)
				.successHandler(new RecordedSignIn(signIns, new LandingRedirect(landing)))
				.failureHandler(linkRefused()))
			.webAuthn((webAuthn) -> webAuthn.rpId(properties.webauthn().relyingPartyId(site))
				.rpName(properties.webauthn().rpName())
				.allowedOrigins(properties.webauthn().origins(site))
				.disableDefaultRegistrationPage(true)
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationSuccessHandler(
								new RecordedSignIn(signIns, new HttpMessageConverterAuthenticationSuccessHandler()));
						filter.setAuthenticationFailureHandler(wrongOrigin);
						return filter;
					}
				}))
			.addFilterAfter(new SessionLifetimeFilter(properties, Clock.systemUTC()), SecurityContextHolderFilter.class)
			.addFilterBefore(new SignInAttemptLimit(rateLimits), SecurityContextHolderFilter.class)
			// around Spring's passkey registration filter, which sits after authorization
			.addFilterBefore(wrongOrigin, AuthorizationFilter.class)
			.logout((logout) -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"));
		// Our own translated pages replace Spring's generated sign-in page.
		http.removeConfigurer(DefaultLoginPageConfigurer.class);
		return http.build();
	}

	/**
	 * The session cookie, the same however the application is deployed: HttpOnly, Secure,
	 * SameSite=Lax, a session cookie (no expiry date).
	 */
	@Bean
	CookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("END287G_SESSION");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setUseSecureCookie(true);
		cookie.setSameSite("Lax");
		cookie.setCookiePath("/");
		return cookie;
	}

	/**
	 * Session ids are keyed hashes of the secret in the session cookie, so the session
	 * store holds nothing a browser could present (Spring Session makes every id with it
	 * and reads and writes the cookie through it).
	 */
	@Bean
	HashedSessionIds sessionIds(BlindIndex index, CookieSerializer sessionCookie) {
		return new HashedSessionIds(index, sessionCookie);
	}

	/** An expired, used or forged link: back to the sign-in page, without a session. */
	private static SimpleUrlAuthenticationFailureHandler linkRefused() {
		SimpleUrlAuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler(
				"/sign-in?link=invalid");
		refused.setAllowSessionCreation(false);
		return refused;
	}

	/** Sign-in link tokens, stored as keyed hashes, one per account. */
	@Bean
	HashedOneTimeTokens oneTimeTokens(JdbcClient jdbc, BlindIndex index) {
		return new HashedOneTimeTokens(jdbc, index, Clock.systemUTC());
	}

	/**
	 * Tokens are made by {@code SignInController} after it has validated the address and
	 * checked the rate limits; Spring's generating endpoint makes none.
	 */
	@Bean
	GenerateOneTimeTokenRequestResolver noTokensFromTheGenerateEndpoint() {
		return (request) -> null;
	}

	/** Never called: the generating endpoint makes no tokens (see above). */
	@Bean
	OneTimeTokenGenerationSuccessHandler unusedTokenGenerationSuccessHandler() {
		return (request, response, token) -> response.sendError(404);
	}

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcTemplate jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeys(JdbcTemplate jdbc, AuditLog audit,
			PublicKeyCredentialUserEntityRepository users) {
		return new AuditedUserCredentials(new JdbcUserCredentialRepository(jdbc), audit, users);
	}

}
