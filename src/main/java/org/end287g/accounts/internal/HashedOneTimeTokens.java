package org.end287g.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.end287g.privacy.BlindIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;

/**
 * The tokens of sign-in links, in the {@code one_time_tokens} table as a keyed hash only
 * (the blind index of kind {@value #KIND}: HMAC-SHA256 with the PRF key, which never
 * reaches the database), so a copy of the database signs no one in. The token itself (a
 * random UUID) exists only in the mail.
 * <p>
 * One row per account: a new token replaces the account's previous one, so only the
 * newest link works. A token is used by one conditional DELETE, so two instances given
 * the same token at once cannot both sign in with it. An expired row stays
 * {@link #RENEWABLE_FOR} (a request past the mail cap may make it valid again, see
 * {@link #renew}), then the next token made deletes it.
 */
class HashedOneTimeTokens implements OneTimeTokenService {

	/** The blind index kind of a sign-in token. */
	static final String KIND = "sign-in-token";

	/** How long after it expired an unused token may still be made valid again. */
	static final Duration RENEWABLE_FOR = Duration.ofDays(1);

	/** A UUID, or the value typed or pasted by someone: longer is never a token. */
	private static final int MAX_TOKEN_CHARS = 36;

	private final JdbcClient jdbc;

	private final BlindIndex index;

	private final Clock clock;

	HashedOneTimeTokens(JdbcClient jdbc, BlindIndex index, Clock clock) {
		this.jdbc = jdbc;
		this.index = index;
		this.clock = clock;
	}

	/** What the table holds for a token. */
	String hash(String token) {
		return this.index.of(KIND, token);
	}

	/**
	 * A new token for the account, replacing the one it had (in the caller's transaction,
	 * with the mail that carries it). Also deletes rows that can no longer be renewed.
	 */
	@Override
	public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
		String token = UUID.randomUUID().toString();
		String hash = hash(token);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(request.getExpiresIn());
		this.jdbc.sql("DELETE FROM one_time_tokens WHERE expires_at < ?").param(at(now.minus(RENEWABLE_FOR))).update();
		// Two requests for one account at once: the second INSERT finds the first's row
		// (it waits for that transaction) and replaces it, so one token stays.
		if (replace(request.getUsername(), hash, expiresAt) == 0 && this.jdbc.sql("""
				INSERT INTO one_time_tokens (account_id, token_hash, expires_at) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""").params(request.getUsername(), hash, at(expiresAt)).update() == 0) {
			replace(request.getUsername(), hash, expiresAt);
		}
		return new DefaultOneTimeToken(token, request.getUsername(), expiresAt);
	}

	private int replace(String accountId, String hash, Instant expiresAt) {
		return this.jdbc.sql("UPDATE one_time_tokens SET token_hash = ?, expires_at = ? WHERE account_id = ?")
			.params(hash, at(expiresAt), accountId)
			.update();
	}

	/**
	 * Uses the token: the account it signs in, once, while it has not expired; null for
	 * an unknown, used, replaced or expired token.
	 */
	@Override
	public @Nullable OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
		String token = authentication.getTokenValue();
		if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
			return null;
		}
		String hash = hash(token);
		Optional<String> account = this.jdbc.sql("SELECT account_id FROM one_time_tokens WHERE token_hash = ?")
			.param(hash)
			.query(String.class)
			.optional();
		if (account.isEmpty()) {
			return null;
		}
		Instant now = this.clock.instant();
		int used = this.jdbc.sql("DELETE FROM one_time_tokens WHERE token_hash = ? AND expires_at > ?")
			.params(hash, at(now))
			.update();
		return (used == 1) ? new DefaultOneTimeToken(token, account.get(), now) : null;
	}

	/**
	 * Makes the account's newest token, if unused and expired less than
	 * {@link #RENEWABLE_FOR} ago, valid for {@code validity} from now: the link of the
	 * newest mail works again without another mail. True when there was one.
	 */
	boolean renew(String accountId, Duration validity) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("UPDATE one_time_tokens SET expires_at = ? WHERE account_id = ? AND expires_at > ?")
			.params(at(now.plus(validity)), accountId, at(now.minus(RENEWABLE_FOR)))
			.update() == 1;
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
