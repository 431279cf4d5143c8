package org.end287g.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.SupporterForgotten;
import org.end287g.privacy.Supporters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention with a fixed clock: "now" is 1 June 2027 and the retention period the default
 * 180 days, so the cut-off is 3 December 2026.
 */
@SpringBootTest
class SupporterRetentionTests {

	static final Instant NOW = Instant.parse("2027-06-01T03:41:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@Autowired
	Supporters supporters;

	@Autowired
	SupporterRetention retention;

	@Autowired
	BlindIndex index;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	final List<SupporterForgotten> forgotten = new CopyOnWriteArrayList<>();

	final ApplicationListener<PayloadApplicationEvent<SupporterForgotten>> listener = (event) -> this.forgotten
		.add(event.getPayload());

	@BeforeEach
	void listen() {
		// whatever other tests left expired is cleared first, so counts below are exact
		this.retention.forgetExpired(CLOCK);
		this.context.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		this.context.removeApplicationListener(this.listener);
	}

	@Test
	void deletesExactlyTheSupportersNothingHoldsAnyMoreAndAnnouncesEach() {
		long openHold = supporter(400, "campaign:1", null);
		long endedLongAgo = supporter(400, "campaign:2", NOW.minus(Duration.ofDays(200)));
		long endedRecently = supporter(400, "campaign:3", NOW.minus(Duration.ofDays(100)));
		long endedJustBeforeCutoff = supporter(400, "event:4", NOW.minus(Duration.ofDays(180)).minusSeconds(1));
		long noHoldOld = supporter(181, null, null);
		long noHoldRecent = supporter(179, null, null);
		long oneEndedOneOpen = supporter(400, "campaign:5", NOW.minus(Duration.ofDays(300)));
		this.supporters.hold(oneEndedOneOpen, "event:6");
		long endedButRegisteredAgain = supporter(10, "campaign:7", NOW.minus(Duration.ofDays(300)));

		assertThat(this.retention.forgetExpired(CLOCK)).isEqualTo(3);

		Set<Long> remaining = ids();
		assertThat(remaining).contains(openHold, endedRecently, noHoldRecent, oneEndedOneOpen, endedButRegisteredAgain)
			.doesNotContain(endedLongAgo, endedJustBeforeCutoff, noHoldOld);
		assertThat(this.forgotten).extracting(SupporterForgotten::supporterId)
			.containsExactlyInAnyOrder(endedLongAgo, endedJustBeforeCutoff, noHoldOld);
		assertThat(this.forgotten).allSatisfy((event) -> assertThat(event.emailIndex()).hasSizeGreaterThan(20));
		assertThat(this.forgotten).filteredOn((event) -> event.supporterId() == endedLongAgo)
			.singleElement()
			.satisfies((event) -> assertThat(event.pseudonyms())
				.containsExactly(Map.entry("campaign:2", this.supporters.pseudonym(endedLongAgo, "campaign:2"))));
		assertThat(this.jdbc.sql("SELECT count(*) FROM supporter_holds WHERE supporter_key IN (?, ?)")
			.params(this.supporters.pseudonym(endedLongAgo, "campaign:2"),
					this.supporters.pseudonym(endedJustBeforeCutoff, "event:4"))
			.query(Long.class)
			.single()).as("holds go with their supporter").isZero();

		// a second run finds nothing more and announces nothing again
		assertThat(this.retention.forgetExpired(CLOCK)).isZero();
		assertThat(this.forgotten).hasSize(3);
	}

	@Test
	void instancesRunningAtOnceDeleteAndAnnounceEachSupporterOnce() throws Exception {
		List<Long> expired = new java.util.ArrayList<>();
		for (int i = 0; i < 30; i++) {
			expired.add(supporter(365, (i % 2 == 0) ? "campaign:8" : null,
					(i % 2 == 0) ? NOW.minus(Duration.ofDays(250)) : null));
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier start = new CyclicBarrier(2);
			List<Future<Integer>> runs = List.of(pool.submit(() -> {
				start.await(5, TimeUnit.SECONDS);
				return this.retention.forgetExpired(CLOCK);
			}), pool.submit(() -> {
				start.await(5, TimeUnit.SECONDS);
				return this.retention.forgetExpired(CLOCK);
			}));
			int total = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);
			assertThat(total).isEqualTo(30);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(ids()).doesNotContainAnyElementsOf(expired);
		assertThat(this.forgotten).extracting(SupporterForgotten::supporterId)
			.containsExactlyInAnyOrderElementsOf(expired);
	}

	/**
	 * A supporter last registered {@code daysAgo}, with one hold ended at {@code ended}
	 * (open when {@code null}), or none when {@code holder} is {@code null}.
	 */
	private long supporter(int daysAgo, String holder, Instant ended) {
		long id = this.supporters.register(SupporterDetails.of(SupportersTests.uniqueEmail(), Locale.ENGLISH));
		Instant registered = NOW.minus(Duration.ofDays(daysAgo));
		this.jdbc.sql("UPDATE supporters SET created_at = ?, updated_at = ? WHERE id = ?")
			.params(registered.atOffset(ZoneOffset.UTC), registered.atOffset(ZoneOffset.UTC), id)
			.update();
		if (holder != null) {
			this.supporters.hold(id, holder);
			this.jdbc
				.sql("UPDATE supporter_holds SET created_at = ?, ended_at = ? WHERE holder = ? AND supporter_key = ?")
				.params(registered.atOffset(ZoneOffset.UTC), (ended != null) ? ended.atOffset(ZoneOffset.UTC) : null,
						holder, this.supporters.pseudonym(id, holder))
				.update();
		}
		return id;
	}

	private Set<Long> ids() {
		return this.jdbc.sql("SELECT id FROM supporters").query(Long.class).stream().collect(Collectors.toSet());
	}

}
