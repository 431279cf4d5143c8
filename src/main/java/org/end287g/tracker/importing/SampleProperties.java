package org.end287g.tracker.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.sample.*}: the North Carolina sample that lets a fresh installation show
 * something before the first import.
 *
 * @param enabled load the bundled sample of North Carolina agreements at start when the
 * database has no sheet yet
 */
@ConfigurationProperties("end287g.sample")
record SampleProperties(@DefaultValue("true") boolean enabled) {
}
