package org.end287g.osdi.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.osdi.*}: the OSDI API and its webhooks.
 *
 * @param maxPageSize the most records one page of the API holds
 * @param webhookTimeout how long one delivery may take before it counts as failed
 * @param webhookAttempts the most attempts of one delivery; then it waits for staff
 * @param webhookBackoff the wait after the first failed attempt, doubled after each
 * @param webhookInterval how often each instance looks for deliveries that are due
 * @param webhookLocalHttp lets webhooks use plain http to the loopback address (tests and
 * a receiver on this machine only; never in production)
 */
@ConfigurationProperties("end287g.osdi")
record OsdiProperties(@DefaultValue("100") int maxPageSize, @DefaultValue("10s") Duration webhookTimeout,
		@DefaultValue("8") int webhookAttempts, @DefaultValue("30s") Duration webhookBackoff,
		@DefaultValue("5s") Duration webhookInterval, @DefaultValue("false") boolean webhookLocalHttp) {
}
