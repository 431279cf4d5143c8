package org.end287g;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How cross-module listeners that failed or were cut off are retried, and how long
 * completed event publications are kept (see {@link EventPublicationUpkeep}).
 */
@ConfigurationProperties("end287g.event-publications")
record EventPublicationProperties(@DefaultValue("5m") Duration staleAfter, @DefaultValue("1m") Duration retryInterval,
		@DefaultValue("true") boolean retryAtStart, @DefaultValue("1h") Duration retryBackoffCap,
		@DefaultValue("7d") Duration keepCompleted) {

	EventPublicationProperties {
		if (!retryInterval.isPositive() || !staleAfter.isPositive()) {
			throw new IllegalArgumentException("end287g.event-publications intervals must be positive");
		}
	}

}
