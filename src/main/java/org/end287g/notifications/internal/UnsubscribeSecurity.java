package org.end287g.notifications.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * RFC 8058: mail programs post one-click unsubscriptions without a CSRF token; the
 * address itself carries a signed token. Spring Security applies a {@code Customizer}
 * bean like this one to every security filter chain, so this module needs no type of
 * accounts (which uses it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UnsubscribeSecurity {

	@Bean
	Customizer<CsrfConfigurer<HttpSecurity>> unsubscribeWithoutCsrfToken() {
		return (csrf) -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern("/unsubscribe/**"));
	}

}
