package org.end287g.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes supporters once nothing holds their data: every hold ended more than the
 * retention period ago (or there never was one), and they have not registered again
 * since. Each supporter is announced ({@code SupporterForgotten}) and deleted in a
 * transaction of its own, under a row lock, so every instance may run this at the same
 * time: whichever locks a row first deletes it, the others find it gone.
 */
@Component
class SupporterRetention {

	/**
	 * The condition, on alias {@code s}, with two parameters: the cut-off twice.
	 */
	static final String EXPIRED = "s.updated_at < ? AND NOT EXISTS (SELECT 1 FROM supporter_holds h "
			+ "WHERE h.supporter_id = s.id AND (h.ended_at IS NULL OR h.ended_at >= ?))";

	private static final Logger log = LoggerFactory.getLogger(SupporterRetention.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final JdbcSupporters supporters;

	private final Duration retention;

	private final Clock clock;

	SupporterRetention(JdbcClient jdbc, JdbcSupporters supporters, PrivacyProperties properties,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.supporters = supporters;
		this.retention = properties.retention();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(cron = "${end287g.privacy.retention-cron:0 41 3 * * *}")
	void scheduled() {
		int deleted = forgetExpired(this.clock);
		log.info("Retention: {} supporters deleted", deleted);
	}

	/** Deletes every expired supporter as of the clock's now; returns how many. */
	int forgetExpired(Clock now) {
		Instant cutoff = now.instant().minus(this.retention);
		int deleted = 0;
		long after = 0;
		while (true) {
			List<Expired> batch = this.jdbc
				.sql("SELECT s.id, s.email_index FROM supporters s WHERE s.id > ? AND " + EXPIRED
						+ " ORDER BY s.id LIMIT " + BATCH)
				.params(after, cutoff.atOffset(ZoneOffset.UTC), cutoff.atOffset(ZoneOffset.UTC))
				.query((rs, row) -> new Expired(rs.getLong("id"), rs.getString("email_index")))
				.list();
			for (Expired expired : batch) {
				try {
					if (this.supporters.forget(expired.id(), expired.emailIndex(), cutoff)) {
						deleted++;
					}
				}
				catch (RuntimeException ex) {
					// one supporter a listener cannot handle must not stop the others;
					// the next run tries again
					log.warn("Retention: supporter {} not deleted: {}", expired.id(), ex.getMessage());
				}
				after = expired.id();
			}
			if (batch.size() < BATCH) {
				return deleted;
			}
		}
	}

	private record Expired(long id, String emailIndex) {
	}

}
