package org.end287g.campaigns.targets;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code end287g.elections.*}: when supporters are reminded to vote. The job's
 * {@code @Scheduled} placeholder reads the interval with the same default
 * ({@link ElectionReminders}).
 *
 * @param reminderDaysBefore how many days before a voting day (or the start of early
 * voting, when known) the reminder goes out
 * @param reminderInterval how often each instance looks for reminders that are due
 */
@ConfigurationProperties("end287g.elections")
record ElectionReminderProperties(@DefaultValue("14") int reminderDaysBefore,
		@DefaultValue("1h") Duration reminderInterval) {
}
