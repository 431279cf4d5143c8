package org.end287g.site;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security baseline. No server-side session is ever created: the CSRF token lives in a
 * cookie and staff authenticate with HTTP Basic, so any number of app instances can sit
 * behind a load balancer without sticky sessions.
 */
@Configuration
@ConditionalOnWebApplication // the command line (java -jar end287g.jar import ...) runs
								// without a web server
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AdminProperties admin) throws Exception {
		http.authorizeHttpRequests(auth -> {
			if (admin.enabled()) {
				auth.requestMatchers("/admin/**").hasRole("ADMIN");
			}
			else {
				auth.requestMatchers("/admin/**").denyAll();
			}
			auth.anyRequest().permitAll();
		})
			.httpBasic(basic -> basic.realmName("end287g staff"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)))
			.formLogin(form -> form.disable())
			.logout(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService staffUsers(AdminProperties admin, PasswordEncoder encoder) {
		if (!admin.enabled()) {
			return new InMemoryUserDetailsManager();
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(admin.username()).password(encoder.encode(admin.password())).roles("ADMIN").build());
	}

	/**
	 * The staff password that guards /admin until accounts exist; blank closes /admin.
	 */
	@ConfigurationProperties("end287g.admin")
	record AdminProperties(String username, String password) {

		AdminProperties {
			username = (username == null || username.isBlank()) ? "admin" : username;
		}

		boolean enabled() {
			return password != null && !password.isBlank();
		}

	}

}
