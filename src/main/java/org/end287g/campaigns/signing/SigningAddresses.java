package org.end287g.campaigns.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The lock behind the limit per client address: one row per address that signed lately
 * ({@code signing_addresses}), which the transaction writing a batch of signatures locks
 * before it counts the address's recent signatures. Two batches (on one instance or two)
 * with the same address so take turns: the second counts what the first stored. Batches
 * without a common address never wait for each other, and for signers from addresses not
 * seen today a batch costs one multi-row insert more.
 * <p>
 * Deadlock-free by construction: every transaction takes its rows in the same (sorted)
 * order, before it writes anything else, in two passes. First it inserts the rows that
 * are missing ({@code on conflict do nothing}, one statement, rows in order): an insert
 * of an address another transaction has just inserted waits for that transaction, in
 * PostgreSQL and in H2 alike, so a new row is held from its insert on. Then it locks
 * every row it did not create, one {@code UPDATE} after the other in a JDBC batch. Both
 * passes go in the same order, and whoever reaches a row in the first pass has waited for
 * its inserter to end, so no two transactions can each hold a row the other waits for.
 * Plain SQL that PostgreSQL and H2 both run.
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
	 * Locks the addresses' rows until the caller's transaction ends, creating those that
	 * are missing, and waiting for any other transaction that holds one of them.
	 * @param addresses client hashes, sorted
	 * @return the addresses whose row this transaction created: no signature of theirs
	 * was stored under the lock before, so what was counted before locking still holds
	 * (the rows of the others are locked by an {@code UPDATE}, and their signatures must
	 * be counted again)
	 */
	Set<String> lock(List<String> addresses) {
		if (addresses.isEmpty()) {
			return Set.of();
		}
		OffsetDateTime now = now();
		List<Object> params = new ArrayList<>(2 * addresses.size());
		for (String address : addresses) {
			params.add(address);
			params.add(now);
		}
		KeyHolder inserted = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into signing_addresses (client_hash, locked_at) values "
					+ String.join(", ", Collections.nCopies(addresses.size(), "(?, ?)")) + " on conflict do nothing")
			.params(params)
			.update(inserted, "client_hash");
		Set<String> created = new HashSet<>();
		for (Map<String, Object> key : inserted.getKeyList()) {
			key.values().forEach((value) -> created.add(String.valueOf(value)));
		}
		List<String> existing = addresses.stream().filter((address) -> !created.contains(address)).toList();
		if (existing.isEmpty()) {
			return created;
		}
		int[][] locked = this.template.batchUpdate("update signing_addresses set locked_at = ? where client_hash = ?",
				existing, existing.size(), (statement, address) -> {
					statement.setObject(1, now);
					statement.setString(2, address);
				});
		for (int i = 0; i < existing.size(); i++) {
			if (locked[0][i] == 0) {
				throw new IllegalStateException("A signing address vanished while being locked");
			}
		}
		return created;
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
