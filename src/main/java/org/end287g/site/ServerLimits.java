package org.end287g.site;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Malformed requests reach the application, which refuses them with its own translated
 * page, instead of being refused by Tomcat with its own: an encoded slash goes on to
 * Spring Security's firewall (which refuses it, 400), an address up to 32 KB to
 * {@link UnreadableRequests} (which refuses it past 16 KB, 414). What Tomcat still
 * refuses itself (an address it cannot decode) is answered by {@link TomcatRefusals}.
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

	/**
	 * Tomcat's own refusals answered by the site's page: {@link TomcatRefusals} takes the
	 * place of the error report valve Spring Boot gives the host (this customizer runs
	 * after Boot's).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRefusalsAnsweredBySite(MessageSource messages,
			ObjectProvider<ITemplateEngine> templates, ObjectProvider<LocaleResolver> locales,
			ObjectProvider<JsonMapper> json) {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(TomcatRefusals.class.getName());
				host.getPipeline().addValve(new TomcatRefusals(messages, templates, locales, json));
			}
		});
	}

}
