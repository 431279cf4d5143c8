package org.end287g.campaigns.signing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the signatures: how old a cached count may be, the site's address for the
 * confirmation link, and the test-mode switch that confirms signatures without mail.
 */
@Component
class SignatureSettings {

	private static final Logger log = LoggerFactory.getLogger(SignatureSettings.class);

	private final boolean confirmWithoutMail;

	private final Duration countMaxAge;

	private final String baseUrl;

	private final int signaturesPerAddress;

	private final Duration signaturesPerAddressPeriod;

	private final int signingWriters;

	private final Duration signingTimeout;

	SignatureSettings(@Value("${end287g.campaigns.confirm-without-mail:false}") boolean confirmWithoutMail,
			@Value("${end287g.campaigns.count-max-age:2s}") Duration countMaxAge,
			@Value("${end287g.site.base-url:http://localhost:8080}") String baseUrl,
			@Value("${end287g.campaigns.signatures-per-address:30}") int signaturesPerAddress,
			@Value("${end287g.campaigns.signatures-per-address-period:10m}") Duration signaturesPerAddressPeriod,
			@Value("${end287g.campaigns.signing-writers:2}") int signingWriters,
			@Value("${end287g.campaigns.signing-timeout:10s}") Duration signingTimeout) {
		this.confirmWithoutMail = confirmWithoutMail;
		this.countMaxAge = countMaxAge;
		this.signaturesPerAddress = signaturesPerAddress;
		this.signaturesPerAddressPeriod = signaturesPerAddressPeriod;
		this.signingWriters = Math.max(1, signingWriters);
		this.signingTimeout = signingTimeout;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		if (confirmWithoutMail) {
			log.warn("end287g.campaigns.confirm-without-mail is on: signatures count at once, without e-mail "
					+ "confirmation. Use it only for tests and load benchmarks, never in production.");
		}
	}

	/** Test mode: a new signature is confirmed at once and no confirmation is mailed. */
	boolean confirmWithoutMail() {
		return this.confirmWithoutMail;
	}

	Duration countMaxAge() {
		return this.countMaxAge;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/** The most signatures one client address may give within the period. */
	int signaturesPerAddress() {
		return this.signaturesPerAddress;
	}

	Duration signaturesPerAddressPeriod() {
		return this.signaturesPerAddressPeriod;
	}

	/** Threads that write batches of signatures at once (each holds a connection). */
	int signingWriters() {
		return this.signingWriters;
	}

	/** How long a signer waits for their batch before "try again in a moment". */
	Duration signingTimeout() {
		return this.signingTimeout;
	}

}
