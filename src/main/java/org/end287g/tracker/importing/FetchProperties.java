package org.end287g.tracker.importing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled download of ICE's sheets from its 287(g) page (off unless enabled). The
 * job's {@code @Scheduled} placeholder repeats the cron's default
 * ({@code ConfigurationMetadataTests} keeps the two equal).
 *
 * @param enabled fetch ICE's 287(g) page on schedule and import new sheets
 * @param url the page the links to the sheets are read from
 * @param cron when to look
 * @param maxBytes the largest sheet downloaded
 * @param timeout how long connecting and each request may take
 */
@ConfigurationProperties("end287g.ice.fetch")
record FetchProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("https://www.ice.gov/identify-and-arrest/287g") URI url,
		@DefaultValue("0 23 */4 * * *") String cron, @DefaultValue("10485760") long maxBytes,
		@DefaultValue("PT60S") Duration timeout) {
}
