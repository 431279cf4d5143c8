package org.end287g.privacy.internal;

import org.end287g.privacy.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealed columns of the supporters table, for {@code reseal}. */
@Configuration(proxyBeanMethods = false)
class SupporterColumns {

	@Bean
	SealedColumn supportersEmail() {
		return new SealedColumn("supporters", "id", "email_sealed", "supporters.email");
	}

	@Bean
	SealedColumn supportersName() {
		return new SealedColumn("supporters", "id", "name_sealed", "supporters.name");
	}

	@Bean
	SealedColumn supportersZip() {
		return new SealedColumn("supporters", "id", "zip_sealed", "supporters.zip");
	}

	@Bean
	SealedColumn supportersPhone() {
		return new SealedColumn("supporters", "id", "phone_sealed", "supporters.phone");
	}

	@Bean
	SealedColumn supportersHolders() {
		return new SealedColumn("supporters", "id", "holders_sealed", JdbcSupporters.HOLDERS);
	}

}
