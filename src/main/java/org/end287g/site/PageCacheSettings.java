package org.end287g.site;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The page cache of anonymous visitors' pages ({@code RenderedPageCache}).
 *
 * @param maxAge how long a rendered page is kept at most, whatever the data version: the
 * age of a count (signatures, registrations) a kept page may show on top of its own cache
 * ({@code end287g.campaigns.count-max-age}, 0.5 s): together under the 2 s a count shown
 * may be old
 */
@ConfigurationProperties("end287g.page-cache")
record PageCacheSettings(@DefaultValue("500ms") Duration maxAge) {
}
