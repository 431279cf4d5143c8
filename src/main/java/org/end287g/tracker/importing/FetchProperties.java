package org.end287g.tracker.importing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The scheduled download of ICE's sheets from its 287(g) page (off unless enabled). */
@ConfigurationProperties("end287g.ice.fetch")
record FetchProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("https://www.ice.gov/identify-and-arrest/287g") URI url,
		@DefaultValue("0 23 */4 * * *") String cron, @DefaultValue("10485760") long maxBytes,
		@DefaultValue("PT60S") Duration timeout) {
}
