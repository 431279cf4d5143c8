package org.end287g.accounts.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.end287g.accounts.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in tokens as the database keeps them: a keyed hash, one per account, used once
 * even when several instances receive the same token at once.
 */
class HashedOneTimeTokensTests extends AccountsMockMvcTests {

	private static final Duration VALIDITY = Duration.ofMinutes(15);

	@Autowired
	HashedOneTimeTokens tokens;

	@Test
	void aTokenIsUsedOnceWhenManyPresentItAtOnce() throws Exception {
		Account account = this.signedIn.leader(SignedIn.newEmail(), 24);
		String token = generate(account).getTokenValue();
		List<OneTimeToken> used = all(8, () -> this.tokens.consume(presented(token)));
		assertThat(used).hasSize(1).allSatisfy((one) -> assertThat(one.getUsername()).isEqualTo(account.id()));
		assertThat(this.tokens.consume(presented(token))).isNull();
	}

	@Test
	void linksMadeAtOnceForOneAccountLeaveOneLiveToken() throws Exception {
		Account account = this.signedIn.leader(SignedIn.newEmail(), 24);
		List<OneTimeToken> made = all(8, () -> generate(account));
		assertThat(made).hasSize(8);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM one_time_tokens WHERE account_id = ?")
			.param(account.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		long live = made.stream()
			.filter((token) -> this.tokens.consume(presented(token.getTokenValue())) != null)
			.count();
		assertThat(live).isEqualTo(1);
	}

	@Test
	void anUnusedTokenIsRenewedUntilADayAfterItExpiredAndNeverOnceUsed() {
		Account account = this.signedIn.leader(SignedIn.newEmail(), 24);
		String old = generate(account).getTokenValue();
		expire(account, Duration.ofHours(25));
		assertThat(this.tokens.renew(account.id(), VALIDITY)).isFalse();
		assertThat(this.tokens.consume(presented(old))).isNull();

		String token = generate(account).getTokenValue();
		expire(account, Duration.ofHours(1));
		assertThat(this.tokens.consume(presented(token))).isNull();
		assertThat(this.tokens.renew(account.id(), VALIDITY)).isTrue();
		assertThat(this.tokens.consume(presented(token))).isNotNull();
		assertThat(this.tokens.renew(account.id(), VALIDITY)).isFalse();
		assertThat(this.tokens.consume(presented(token))).isNull();
	}

	@Test
	void theTableHoldsTheKeyedHashOnly() {
		Account account = this.signedIn.leader(SignedIn.newEmail(), 24);
		String token = generate(account).getTokenValue();
		assertThat(this.jdbc.sql("SELECT token_hash FROM one_time_tokens WHERE account_id = ?")
			.param(account.id())
			.query(String.class)
			.single()).isEqualTo(this.index.of(HashedOneTimeTokens.KIND, token)).doesNotContain(token);
		for (String forged : new String[] { "", " ", "x".repeat(37), this.index.of(HashedOneTimeTokens.KIND, token) }) {
			assertThat(this.tokens.consume(presented(forged))).isNull();
		}
	}

	private OneTimeToken generate(Account account) {
		return this.tokens.generate(new GenerateOneTimeTokenRequest(account.id(), VALIDITY));
	}

	private void expire(Account account, Duration ago) {
		this.jdbc.sql("UPDATE one_time_tokens SET expires_at = ? WHERE account_id = ?")
			.params(Timestamp.from(Instant.now().minus(ago)), account.id())
			.update();
	}

	private static OneTimeTokenAuthenticationToken presented(String token) {
		return OneTimeTokenAuthenticationToken.unauthenticated(token);
	}

	/** Runs the task on that many threads at once; the results that are not null. */
	private static <T> List<T> all(int threads, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> result : pool.invokeAll(java.util.Collections.nCopies(threads, task))) {
				T value = result.get();
				if (value != null) {
					results.add(value);
				}
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
