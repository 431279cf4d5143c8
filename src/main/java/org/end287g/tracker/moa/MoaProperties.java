package org.end287g.tracker.moa;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MOA library's limits and its scheduled archive of ICE's agreement PDFs (off unless
 * enabled, like the sheet fetch). The job's {@code @Scheduled} placeholder repeats the
 * cron's default.
 *
 * @param fetchEnabled download, on schedule, the MOA and addendum PDFs not yet archived
 * @param cron when to look
 * @param maxBytes the largest PDF kept (downloads stop reading beyond it)
 * @param maxPages the most pages a PDF may have
 * @param memoryBytes how much memory and scratch space PDFBox may use per PDF
 * @param timeout how long connecting and each download may take
 * @param retryAfter how long a failed download waits before the next try (doubled per
 * failure, up to a week)
 * @param batch the most PDFs downloaded per run
 * @param hosts the only hosts (and their subdomains) PDFs are downloaded from, so a link
 * in a sheet cannot make us call an address inside our network
 */
@ConfigurationProperties("end287g.moa")
record MoaProperties(@DefaultValue("false") boolean fetchEnabled, @DefaultValue("0 53 */4 * * *") String cron,
		@DefaultValue("26214400") long maxBytes, @DefaultValue("2000") int maxPages,
		@DefaultValue("67108864") long memoryBytes, @DefaultValue("PT60S") Duration timeout,
		@DefaultValue("PT6H") Duration retryAfter, @DefaultValue("100") int batch,
		@DefaultValue("ice.gov,dhs.gov") List<String> hosts) {

	boolean allows(URI uri) {
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		return this.hosts.stream().anyMatch((allowed) -> host.equals(allowed) || host.endsWith("." + allowed));
	}

}
