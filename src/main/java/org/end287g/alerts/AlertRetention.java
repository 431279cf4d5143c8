package org.end287g.alerts;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the subscriptions nobody confirmed within a week (their link no longer works).
 * Idempotent: every instance may run it.
 */
@Component
class AlertRetention {

	private static final Logger log = LoggerFactory.getLogger(AlertRetention.class);

	private final AlertSubscriptions subscriptions;

	private final Clock clock = Clock.systemUTC();

	AlertRetention(AlertSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Scheduled(cron = "${end287g.alerts.purge-cron:0 53 3 * * *}")
	void purge() {
		int deleted = this.subscriptions
			.purgeUnconfirmed(this.clock.instant().minus(AlertController.CONFIRM_VALIDITY.plus(Duration.ofDays(1))));
		if (deleted > 0) {
			log.info("Deleted {} unconfirmed alert subscription(s)", deleted);
		}
	}

}
