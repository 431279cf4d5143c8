package org.end287g.events.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.events.*}: documents the events' one setting, which the reminder job's
 * {@code @Scheduled} placeholder reads with the same default ({@code EventReminders};
 * {@code ConfigurationMetadataTests} keeps the two equal). Links start with
 * {@link org.end287g.SiteAddress}.
 *
 * @param reminderInterval how often each instance looks for event reminders that are due
 * (a reminder goes out at most this late)
 */
@ConfigurationProperties("end287g.events")
record EventsProperties(@DefaultValue("30s") Duration reminderInterval) {
}
