package org.end287g.notifications.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the local mailbox needs from the web server, wired only when it is open
 * ({@link LocalMailbox}): the valve that records each connection's own address, and the
 * link on the pages rendered for this machine. A real deployment gets neither.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class LocalMailboxConfig implements WebMvcConfigurer {

	private final LocalMailbox mailbox;

	LocalMailboxConfig(LocalMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionAddresses() {
		return (factory) -> {
			if (this.mailbox.open()) {
				factory.addContextValves(new ThisMachine());
			}
		};
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (this.mailbox.open()) {
			registry.addInterceptor(new LocalMailboxLink());
		}
	}

}
