package org.end287g.privacy.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.privacy.*}: how long supporter data is kept and when the privacy jobs
 * run. The schedules are read by the jobs' {@code @Scheduled} placeholders, which repeat
 * these defaults ({@code ConfigurationMetadataTests} keeps the two equal). Keys and rate
 * limits have records of their own ({@link CryptoProperties},
 * {@link RateLimitProperties}).
 *
 * @param retention supporter data is deleted this long after the last campaign or event
 * holding it ended (and after the supporter last registered); must be positive
 * @param retentionCron when the retention job runs (daily, on every instance, safely)
 * @param saltPurgeCron when daily salts of client-address hashes older than yesterday are
 * deleted
 * @param bucketPurgeInterval pause between two purges of rate-limit buckets that have
 * refilled completely
 * @param linkValidity how long a "my data" link, in the footer of every mail or asked for
 * on the form, opens the page that shows what is kept; must be positive
 * @param codeValidity how long the code mailed to confirm a download or a deletion of
 * one's data works; must be positive
 * @param codeAttempts wrong tries after which such a code stops working; at least 1
 */
@ConfigurationProperties("end287g.privacy")
record PrivacyProperties(@DefaultValue("180d") Duration retention, @DefaultValue("0 41 3 * * *") String retentionCron,
		@DefaultValue("0 7 * * * *") String saltPurgeCron, @DefaultValue("PT10M") Duration bucketPurgeInterval,
		@DefaultValue("7d") Duration linkValidity, @DefaultValue("10m") Duration codeValidity,
		@DefaultValue("5") int codeAttempts) {

	PrivacyProperties {
		positive(retention, "retention");
		positive(linkValidity, "link-validity");
		positive(codeValidity, "code-validity");
		if (codeAttempts < 1) {
			throw new IllegalArgumentException("end287g.privacy.code-attempts must be at least 1");
		}
	}

	private static void positive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("end287g.privacy." + name + " must be positive");
		}
	}

}
