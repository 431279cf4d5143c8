package org.end287g.tracker.reading;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.tracker.*}: settings of the tracker's read side. The importer's own
 * settings have names of their own ({@code end287g.import.*},
 * {@code end287g.ice.fetch.*}, {@code end287g.first-start.*}) and records of their own in
 * {@code tracker.importing}.
 *
 * @param dataVersionMaxAge how old this instance's reading of the tracker's data version
 * may be before it is read again: another instance's import shows here within this time
 * (this instance's own at once)
 */
@ConfigurationProperties("end287g.tracker")
record TrackerProperties(@DefaultValue("1s") Duration dataVersionMaxAge) {
}
