package org.end287g.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.end287g.privacy.ClientAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * HMAC (the PRF keyset) of the day's random salt and the address. Every instance reads
 * the same salt from the database (the first to need it inserts it); salts older than
 * yesterday are deleted. The address is the servlet's remote address: behind a load
 * balancer, set {@code server.forward-headers-strategy} so it is the client's.
 */
@Component
class DailySaltedClientAddresses implements ClientAddresses {

	private static final int SALT_BYTES = 32;

	private static final int HASH_BYTES = 16;

	private final JdbcClient jdbc;

	private final TinkKeys keys;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	/** A cache that may be lost: the salt itself lives in the database. */
	private final AtomicReference<DaySalt> current = new AtomicReference<>();

	DailySaltedClientAddresses(JdbcClient jdbc, TinkKeys keys, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public String hash(String address) {
		byte[] salt = saltOf(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
		byte[] input = ("ip\u0000" + HexFormat.of().formatHex(salt) + "\u0000" + address)
			.getBytes(StandardCharsets.UTF_8);
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(this.keys.prf().computePrimary(input, HASH_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot hash a client address", ex);
		}
	}

	private byte[] saltOf(LocalDate day) {
		DaySalt known = this.current.get();
		if (known != null && known.day().equals(day)) {
			return known.salt();
		}
		byte[] fresh = new byte[SALT_BYTES];
		this.random.nextBytes(fresh);
		this.jdbc.sql("INSERT INTO daily_salts (salt_day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(day, fresh)
			.update();
		byte[] salt = this.jdbc.sql("SELECT salt FROM daily_salts WHERE salt_day = ?")
			.param(day)
			.query(byte[].class)
			.single();
		this.current.set(new DaySalt(day, salt));
		return salt;
	}

	/** Forgets salts before yesterday; idempotent, so every instance may run it. */
	@Scheduled(cron = "${end287g.privacy.salt-purge-cron:0 7 * * * *}")
	void purgeOldSalts() {
		LocalDate yesterday = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).minusDays(1);
		this.jdbc.sql("DELETE FROM daily_salts WHERE salt_day < ?").param(yesterday).update();
	}

	private record DaySalt(LocalDate day, byte[] salt) {
	}

}
