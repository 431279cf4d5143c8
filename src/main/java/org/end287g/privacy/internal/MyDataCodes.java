package org.end287g.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCodeRequested.Purpose;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The codes that confirm a download or a deletion on a "my data" page, in the
 * {@code my_data_codes} table so that every instance sees the same: one code per person
 * and purpose (a new one replaces the old), eight random digits, valid for
 * {@code end287g.privacy.code-validity}, used once, void after
 * {@code end287g.privacy.code-attempts} wrong tries. Neither the code nor the person's
 * blind index is stored: a keyed hash of the index names the person, a keyed hash of
 * person, purpose and code stands for the code. Every method joins the caller's
 * transaction, so that a code is used up only if what it confirms is done.
 */
@Component
class MyDataCodes {

	static final int DIGITS = 8;

	private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");

	/** What people type between the digits: spaces and dashes. */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");

	/** Codes that expired this long ago are deleted when the next code is made. */
	private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final BlindIndex index;

	private final Duration validity;

	private final int attempts;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	MyDataCodes(JdbcClient jdbc, BlindIndex index, PrivacyProperties properties, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.index = index;
		this.validity = properties.codeValidity();
		this.attempts = properties.codeAttempts();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** What a typed code did. */
	enum Outcome {

		/** Right, in time, not used before: used now. */
		ACCEPTED,
		/** Nothing typed. */
		EMPTY,
		/** No code was asked for (or it expired long ago and is gone). */
		NONE,
		/** Not the code; the tries left are fewer. */
		WRONG,
		/** The code's minutes are over. */
		EXPIRED,
		/** The code confirmed what it was for already. */
		USED,
		/** Too many wrong tries: the code no longer works. */
		TOO_MANY

	}

	Duration validity() {
		return this.validity;
	}

	/** A new code for the person and purpose, replacing any earlier one. */
	@Transactional(propagation = Propagation.MANDATORY)
	String issue(String emailIndex, Purpose purpose) {
		OffsetDateTime now = now();
		this.jdbc.sql("DELETE FROM my_data_codes WHERE expires_at < ?").param(now.minus(KEEP_EXPIRED)).update();
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < DIGITS; i++) {
			code.append((char) ('0' + this.random.nextInt(10)));
		}
		String person = person(emailIndex);
		String hash = hash(person, purpose, code.toString());
		OffsetDateTime expires = now.plus(this.validity);
		int inserted;
		try {
			inserted = this.jdbc.sql("""
					INSERT INTO my_data_codes (person_key, purpose, code_hash, attempts, created_at, expires_at)
					VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT DO NOTHING""")
				.params(person, purpose.name(), hash, now, expires)
				.update();
		}
		catch (DuplicateKeyException raced) {
			// H2 reports a concurrent insert of the same key instead of skipping it
			inserted = 0;
		}
		if (inserted == 0) {
			this.jdbc.sql("""
					UPDATE my_data_codes SET code_hash = ?, attempts = 0, created_at = ?, expires_at = ?, used_at = NULL
					WHERE person_key = ? AND purpose = ?""")
				.params(hash, now, expires, person, purpose.name())
				.update();
		}
		return code.toString();
	}

	/**
	 * Checks a typed code under the row's lock and, when it is right, marks it used; a
	 * wrong one counts as a try.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Outcome use(String emailIndex, Purpose purpose, @Nullable String typed) {
		String code = (typed != null) ? SEPARATORS.matcher(typed).replaceAll("") : "";
		if (code.isEmpty()) {
			return Outcome.EMPTY;
		}
		String person = person(emailIndex);
		Optional<Stored> found = this.jdbc.sql("""
				SELECT code_hash, attempts, expires_at, used_at FROM my_data_codes
				WHERE person_key = ? AND purpose = ? FOR UPDATE""")
			.params(person, purpose.name())
			.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class) != null))
			.optional();
		if (found.isEmpty()) {
			return Outcome.NONE;
		}
		Stored stored = found.get();
		OffsetDateTime now = now();
		if (stored.used()) {
			return Outcome.USED;
		}
		if (stored.attempts() >= this.attempts) {
			return Outcome.TOO_MANY;
		}
		if (!stored.expiresAt().isAfter(now)) {
			return Outcome.EXPIRED;
		}
		boolean right = CODE.matcher(code).matches()
				&& MessageDigest.isEqual(hash(person, purpose, code).getBytes(StandardCharsets.US_ASCII),
						stored.hash().getBytes(StandardCharsets.US_ASCII));
		if (!right) {
			this.jdbc.sql("UPDATE my_data_codes SET attempts = attempts + 1 WHERE person_key = ? AND purpose = ?")
				.params(person, purpose.name())
				.update();
			return (stored.attempts() + 1 >= this.attempts) ? Outcome.TOO_MANY : Outcome.WRONG;
		}
		this.jdbc.sql("UPDATE my_data_codes SET used_at = ? WHERE person_key = ? AND purpose = ?")
			.params(now, person, purpose.name())
			.update();
		return Outcome.ACCEPTED;
	}

	private record Stored(String hash, int attempts, OffsetDateTime expiresAt, boolean used) {
	}

	/**
	 * Who a code is for, without the blind index the rest of the database knows them by.
	 */
	private String person(String emailIndex) {
		return this.index.of("my-data-code-person", emailIndex);
	}

	private String hash(String person, Purpose purpose, String code) {
		return this.index.of("my-data-code", person + "\u0000" + purpose.name() + "\u0000" + code);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
