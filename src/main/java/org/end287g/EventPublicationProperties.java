package org.end287g;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How cross-module listeners that failed or were cut off are retried, and how long
 * completed event publications are kept (see {@link EventPublicationUpkeep}). The retry
 * job's {@code @Scheduled} placeholder repeats the retry interval's default
 * ({@code ConfigurationMetadataTests} keeps the two equal).
 *
 * @param staleAfter a publication still PUBLISHED, PROCESSING or RESUBMITTED this long
 * after it was last submitted was cut off (a crash, a shutdown) and counts as failed;
 * longer than any listener runs
 * @param retryInterval pause between two retry runs (one instance at a time)
 * @param retryAtStart retry at start too, not only after the first interval
 * @param retryBackoffCap a failing listener is retried after 1, 2, 4... retry intervals,
 * at most this far apart
 * @param keepCompleted how long a completed publication is kept before it is deleted
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
