package org.end287g;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.metrics.*}: the business figures at {@code /actuator/prometheus} (served
 * only on a separate management port, docs/operations.md).
 *
 * @param cacheFor how long a figure read from the database is reused before it is read
 * again: a scrape every 15 to 60 seconds by one or two monitoring servers then costs one
 * small query per figure at most this often per instance
 */
@ConfigurationProperties("end287g.metrics")
public record MetricsProperties(@DefaultValue("10s") Duration cacheFor) {

	public MetricsProperties {
		if (cacheFor.isNegative()) {
			throw new IllegalArgumentException("end287g.metrics.cache-for must not be negative");
		}
	}

}
