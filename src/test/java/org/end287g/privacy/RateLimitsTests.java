package org.end287g.privacy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
class RateLimitsTests {

	@Autowired
	RateLimits limits;

	@Autowired
	ClientAddresses addresses;

	@Autowired
	SignedLinks links;

	@Test
	void oneAddressGetsItsAllowanceThenATimeToWait() {
		String address = uniqueAddress();
		for (int i = 0; i < 3; i++) {
			this.limits.check("test", address, null);
		}
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> this.limits.check("test", address, null))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
		// another address is not affected
		this.limits.check("test", uniqueAddress(), null);
	}

	@Test
	void oneEmailIsLimitedWhateverTheAddressAndCaseItComesFrom() {
		String email = UUID.randomUUID() + "@example.org";
		this.limits.check("test", uniqueAddress(), email);
		this.limits.check("test", uniqueAddress(), email.toUpperCase());
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> this.limits.check("test", uniqueAddress(), " " + email));
	}

	@Test
	void plusTagsOfAProviderThatIgnoresThemDrawFromOneEmailBucket() {
		String name = "ana" + UUID.randomUUID().toString().substring(0, 8);
		this.limits.check("test", uniqueAddress(), name + "+1@outlook.com");
		this.limits.check("test", uniqueAddress(), name + "+2@outlook.com");
		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> this.limits.check("test", uniqueAddress(), name + "@outlook.com"));
		// a domain whose rule we do not know: another bucket
		this.limits.check("test", uniqueAddress(), name + "+1@example.org");
		this.limits.check("test", uniqueAddress(), name + "+2@example.org");
	}

	@Test
	void concurrentAttemptsFromOneAddressGetExactlyTheAllowance() throws Exception {
		String address = uniqueAddress();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			java.util.List<java.util.concurrent.Callable<Boolean>> attempts = java.util.Collections.nCopies(8, () -> {
				try {
					this.limits.check("test", address, null);
					return true;
				}
				catch (RateLimitExceededException refused) {
					return false;
				}
			});
			long allowed = 0;
			for (java.util.concurrent.Future<Boolean> attempt : pool.invokeAll(attempts)) {
				allowed += attempt.get() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(3);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void anUnknownLimitIsAProgrammingError() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.limits.check("nope", "10.0.0.1", null));
	}

	@Test
	void addressesAreHashedNeverKeptAndTheSameAddressHashesAlikeWithinADay() {
		String hash = this.addresses.hash("203.0.113.7");
		assertThat(hash).doesNotContain("203").hasSize(22);
		assertThat(this.addresses.hash("203.0.113.7")).isEqualTo(hash);
		assertThat(this.addresses.hash("203.0.113.8")).isNotEqualTo(hash);
	}

	@Test
	void signedLinksRefuseForgeriesOtherPurposesAndExpiry() {
		String token = this.links.sign("my-data", "abc", Duration.ofMinutes(5));
		assertThat(this.links.verify("my-data", token)).contains("abc");
		assertThat(this.links.verify("unsubscribe", token)).isEmpty();
		assertThat(this.links.verify("my-data", token.replace("YWJj", "YWJk"))).isEmpty();
		assertThat(this.links.verify("my-data", this.links.sign("my-data", "abc", Duration.ofSeconds(-5)))).isEmpty();
		assertThat(this.links.verify("my-data", "")).isEmpty();
		assertThat(this.links.verify("my-data", "a.b.c")).isEmpty();
		assertThat(this.links.verify("my-data", "x".repeat(10_000))).isEmpty();
		assertThat(this.links.verify("my-data", null)).isEmpty();
	}

	private static String uniqueAddress() {
		return "198.51.100." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
	}

}
