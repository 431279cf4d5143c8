package org.end287g.coalitions.internal;

import org.end287g.accounts.RequestRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signing a letter needs a sign-in: an organization signs through its organizers. */
@Configuration(proxyBeanMethods = false)
class CoalitionRules {

	@Bean
	RequestRule letterSigning() {
		return RequestRule.signedIn("/letters/*/sign");
	}

}
