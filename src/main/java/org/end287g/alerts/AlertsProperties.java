package org.end287g.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.alerts.*}: documents the alerts' one setting, which the clean-up job's
 * {@code @Scheduled} placeholder reads with the same default ({@code AlertRetention};
 * {@code ConfigurationMetadataTests} keeps the two equal). Rate limits are
 * {@code end287g.rate-limits.alerts.*} (the form) and
 * {@code end287g.rate-limits.alert-mail.*} (confirmation mails to one address).
 *
 * @param purgeCron when each instance deletes the subscriptions nobody confirmed within a
 * week (idempotent)
 */
@ConfigurationProperties("end287g.alerts")
record AlertsProperties(@DefaultValue("0 53 3 * * *") String purgeCron) {
}
