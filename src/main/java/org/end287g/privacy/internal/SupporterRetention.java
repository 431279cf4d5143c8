package org.end287g.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes supporters once nothing holds their data: every hold ended more than the
 * retention period ago (or there never was one), and they have not registered again
 * since. Holds name a supporter only by pseudonym, so the job reads the supporters not
 * updated since the cut-off a batch at a time, works out their pseudonyms from their
 * sealed lists of holders and asks which are still held. Each supporter is announced
 * ({@code SupporterForgotten}) and deleted in a transaction of its own, under a row lock
 * and after checking again, so every instance may run this at the same time: whichever
 * locks a row first deletes it, the others find it gone.
 */
@Component
class SupporterRetention {

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
		OffsetDateTime at = cutoff.atOffset(ZoneOffset.UTC);
		int deleted = 0;
		long after = 0;
		while (true) {
			List<Candidate> batch = this.jdbc
				.sql("SELECT id, email_index, holders_sealed FROM supporters WHERE id > ? AND updated_at < ?"
						+ " ORDER BY id LIMIT " + BATCH)
				.params(after, at)
				.query((rs, row) -> new Candidate(rs.getLong("id"), rs.getString("email_index"),
						this.supporters.pseudonyms(rs.getLong("id"), this.supporters.holders(rs.getBytes(3))).values()))
				.list();
			Set<String> holding = this.supporters
				.holding(batch.stream().flatMap((candidate) -> candidate.pseudonyms().stream()).toList(), at);
			for (Candidate expired : batch) {
				after = expired.id();
				if (expired.pseudonyms().stream().anyMatch(holding::contains)) {
					continue;
				}
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
			}
			if (batch.size() < BATCH) {
				return deleted;
			}
		}
	}

	private record Candidate(long id, String emailIndex, Collection<String> pseudonyms) {
	}

}
