package org.end287g.campaigns.leaders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.campaigns.leaders.*}: the leaders' settings, read only by this package
 * (the signatures' own, {@code end287g.campaigns.*}, are read by theirs).
 *
 * @param autoApprove approve "become a leader" requests as soon as the person confirms
 * their address, instead of leaving them for staff on /admin/leaders
 */
@ConfigurationProperties("end287g.campaigns.leaders")
record LeaderSettings(@DefaultValue("false") boolean autoApprove) {
}
