package org.end287g.accounts.internal;

import org.end287g.privacy.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealed columns of the accounts table, for {@code reseal}. */
@Configuration(proxyBeanMethods = false)
class AccountColumns {

	@Bean
	SealedColumn accountsEmail() {
		return new SealedColumn("accounts", "id", "email_sealed", AccountStore.EMAIL);
	}

	@Bean
	SealedColumn accountsName() {
		return new SealedColumn("accounts", "id", "name_sealed", AccountStore.NAME);
	}

}
