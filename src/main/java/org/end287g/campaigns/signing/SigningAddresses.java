package org.end287g.campaigns.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The lock behind the limit per client address: one row per address that signed lately
 * ({@code signing_addresses}), which the transaction writing a batch of signatures locks
 * before it counts the address's recent signatures. Two batches (on one instance or two)
 * with the same address so take turns: the second counts what the first stored. Batches
 * without a common address never wait for each other, so signing keeps its throughput.
 * <p>
 * Deadlock-free by construction: the rows exist, committed, before any transaction locks
 * them ({@link #register}, its own statement), and every transaction locks its rows in
 * the same (sorted) order, one {@code UPDATE} after the other in a JDBC batch, before it
 * writes anything else. Plain SQL that PostgreSQL and H2 both run.
 */
@Component
class SigningAddresses {

	/** A client hash changes with the daily salt: a day-old row is never locked again. */
	static final Duration KEEP = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	SigningAddresses(JdbcClient jdbc, JdbcTemplate template, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Makes sure each address has its row, committed: call it outside the transaction
	 * that will lock the rows. PostgreSQL makes a concurrent insert of the same address
	 * wait for the first; H2 refuses it as a duplicate, so the statement is repeated
	 * until the other insert has committed (a moment: it is a statement of its own too).
	 * @param addresses client hashes, sorted
	 */
	void register(List<String> addresses) {
		if (addresses.isEmpty()) {
			return;
		}
		String sql = "insert into signing_addresses (client_hash, locked_at) values "
				+ String.join(", ", Collections.nCopies(addresses.size(), "(?, ?)")) + " on conflict do nothing";
		OffsetDateTime now = now();
		List<Object> params = new ArrayList<>(2 * addresses.size());
		for (String address : addresses) {
			params.add(address);
			params.add(now);
		}
		for (int attempt = 1;; attempt++) {
			try {
				this.jdbc.sql(sql).params(params).update();
				return;
			}
			catch (DuplicateKeyException raced) {
				if (attempt == 100) {
					throw raced;
				}
				LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
			}
		}
	}

	/**
	 * Locks the addresses' rows until the caller's transaction ends, waiting for any
	 * other transaction that holds one of them. A row missing after all (it cannot be,
	 * once {@link #register registered}, but costs nothing to handle) is inserted here.
	 * @param addresses client hashes, sorted, registered
	 */
	void lock(List<String> addresses) {
		if (addresses.isEmpty()) {
			return;
		}
		OffsetDateTime now = now();
		int[][] locked = this.template.batchUpdate("update signing_addresses set locked_at = ? where client_hash = ?",
				addresses, addresses.size(), (statement, address) -> {
					statement.setObject(1, now);
					statement.setString(2, address);
				});
		for (int i = 0; i < addresses.size(); i++) {
			if (locked[0][i] == 0) {
				this.jdbc
					.sql("insert into signing_addresses (client_hash, locked_at) values (?, ?) on conflict do nothing")
					.params(addresses.get(i), now)
					.update();
			}
		}
	}

	/** Deletes the rows of addresses idle for a day; idempotent on every instance. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void purge() {
		this.jdbc.sql("delete from signing_addresses where locked_at < ?").param(now().minus(KEEP)).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
