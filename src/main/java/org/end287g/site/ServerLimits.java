package org.end287g.site;

import jakarta.servlet.DispatcherType;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Malformed requests reach the application, which refuses them with its own translated
 * page, instead of being refused by Tomcat with its own: an encoded slash goes on to
 * Spring Security's firewall (which refuses it, 400), an address up to 32 KB to
 * {@link UnreadableRequests} (which refuses it past 16 KB, 414).
 */
@Configuration(proxyBeanMethods = false)
class ServerLimits {

	@Bean
	FilterRegistrationBean<UnreadableRequests> unreadableRequests() {
		FilterRegistrationBean<UnreadableRequests> registration = new FilterRegistrationBean<>(
				new UnreadableRequests());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		// just after the character encoding filter: forms are read as UTF-8
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
		return (factory) -> factory.addConnectorCustomizers(
				(connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
	}

}
