package org.end287g.tracker.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.first-start.*}: ICE's sheets shipped in the jar, which let a fresh
 * installation show the whole country before its first import.
 *
 * @param enabled import the shipped sheets (first-start/ in the jar) at start while the
 * database holds no sheet imported otherwise
 */
@ConfigurationProperties("end287g.first-start")
record FirstStartProperties(@DefaultValue("true") boolean enabled) {
}
