package org.end287g.notifications.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sent, kept, failed and expired messages older than {@code end287g.mail.keep}.
 * One DELETE, so it is harmless when every instance runs it at once.
 */
@Component
class MailRetention {

	private final JdbcClient jdbc;

	private final MailSettings settings;

	private final Clock clock;

	MailRetention(JdbcClient jdbc, MailSettings settings, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Scheduled(fixedDelayString = "${end287g.mail.purge-interval:1h}", initialDelayString = "1m")
	int purge() {
		OffsetDateTime before = OffsetDateTime.ofInstant(this.clock.instant().minus(this.settings.keep()),
				ZoneOffset.UTC);
		return this.jdbc
			.sql("DELETE FROM mail_outbox WHERE status IN ('SENT', 'KEPT', 'FAILED', 'EXPIRED') AND created_at < ?")
			.param(before)
			.update();
	}

}
