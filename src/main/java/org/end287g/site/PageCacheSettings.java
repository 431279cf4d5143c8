package org.end287g.site;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The page cache of anonymous visitors' pages ({@code RenderedPageCache}).
 *
 * @param maxAge how long a rendered page is kept at most, whatever the data version: the
 * age of a count (signatures, registrations) a kept page may show on top of its own cache
 */
@ConfigurationProperties("end287g.page-cache")
record PageCacheSettings(@DefaultValue("1s") Duration maxAge) {
}
