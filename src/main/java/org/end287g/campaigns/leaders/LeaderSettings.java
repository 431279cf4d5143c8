package org.end287g.campaigns.leaders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.campaigns.leaders.*}: the leaders' settings, read only by this package
 * (the signatures' own, {@code end287g.campaigns.*}, are read by theirs).
 *
 * @param autoApprove approve "become a leader" requests as soon as the person confirms
 * their address, instead of leaving them for staff on /admin/leaders
 * @param staffMailEvery the shortest time between two mails that tell staff of confirmed
 * requests: the first is told at once, those within this time of it in one digest at its
 * end
 */
@ConfigurationProperties("end287g.campaigns.leaders")
record LeaderSettings(@DefaultValue("false") boolean autoApprove, @DefaultValue("30m") Duration staffMailEvery) {
}
