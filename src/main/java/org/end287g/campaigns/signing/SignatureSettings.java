package org.end287g.campaigns.signing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.campaigns.*}: the signatures' settings, read only by this package (the
 * leaders' own, {@code end287g.campaigns.leaders.*}, are read by theirs). A warning is
 * logged at start when the test-mode switch is on.
 *
 * @param confirmWithoutMail test mode only (tests, load benchmarks): a new signature is
 * confirmed at once and no confirmation is mailed; never in production
 * @param countMaxAge how old this instance's cache of signature counts, recent signers
 * and comments may be
 * @param signaturesPerAddress the most signatures one client address may give within the
 * period, counted from the signatures themselves (generous: a family or an event shares
 * one address)
 * @param signaturesPerAddressPeriod the period the signatures per address are counted in
 * @param signingWriters threads that write batches of signatures at once, each holding a
 * database connection (at least 1)
 * @param signingTimeout how long a signer waits for their batch before "try again in a
 * moment"
 */
@ConfigurationProperties("end287g.campaigns")
record SignatureSettings(@DefaultValue("false") boolean confirmWithoutMail, @DefaultValue("500ms") Duration countMaxAge,
		@DefaultValue("60") int signaturesPerAddress, @DefaultValue("10m") Duration signaturesPerAddressPeriod,
		@DefaultValue("2") int signingWriters, @DefaultValue("10s") Duration signingTimeout) {

	private static final Logger log = LoggerFactory.getLogger(SignatureSettings.class);

	SignatureSettings {
		signingWriters = Math.max(1, signingWriters);
		if (confirmWithoutMail) {
			log.warn("end287g.campaigns.confirm-without-mail is on: signatures count at once, without e-mail "
					+ "confirmation. Use it only for tests and load benchmarks, never in production.");
		}
	}

}
