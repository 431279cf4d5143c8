package org.end287g;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.end287g.audit.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cross-module listener that fails, or is cut off by a crash, runs again through the
 * retry job and acts exactly once, however many instances retry at the same moment; old
 * completed publications are deleted. The listener here writes an audit row in its own
 * transaction, so a failed attempt's write is rolled back.
 */
@SpringBootTest
@Import(EventPublicationUpkeepTests.ProbeListener.class)
class EventPublicationUpkeepTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	EventPublicationUpkeep upkeep;

	@Autowired
	ProbeListener listener;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aListenerThatFailsOnceRunsAgainAtItsTimeAndActsOnce() {
		String name = probe(true);
		AfterCommitListeners.publish(this.context, new Probe(name));
		assertThat(this.listener.attempts(name)).isEqualTo(1);
		assertThat(effects(name)).isZero();
		assertThat(status(name)).isEqualTo("FAILED");

		// not before its backoff (a retry interval after the publication)
		this.upkeep.retry(Instant.now());
		assertThat(status(name)).isEqualTo("FAILED");
		assertThat(this.listener.attempts(name)).isEqualTo(1);

		this.upkeep.retry(Instant.now().plus(Duration.ofDays(1)));
		awaitSettled(name);
		assertThat(status(name)).isEqualTo("COMPLETED");
		assertThat(this.listener.attempts(name)).isEqualTo(2);
		assertThat(effects(name)).isEqualTo(1);

		this.upkeep.retry(Instant.now().plus(Duration.ofDays(2)));
		assertThat(this.listener.attempts(name)).isEqualTo(2);
		assertThat(effects(name)).isEqualTo(1);
	}

	@Test
	void aPublicationCutOffBeforeItsListenerRanRunsOnceItIsStale() {
		String name = probe(false);
		// the publishing transaction committed, then the instance stopped before the
		// listener ran: the publication stays PUBLISHED
		this.transactions.executeWithoutResult((status) -> this.registry.store(new Probe(name),
				Stream.of(PublicationTargetIdentifier.of(ProbeListener.ID))));
		assertThat(status(name)).isEqualTo("PUBLISHED");

		// another instance may still be running it
		this.upkeep.retry(Instant.now());
		assertThat(status(name)).isEqualTo("PUBLISHED");
		// cut off for longer than stale-after: failed, retried once its backoff passed
		this.upkeep.retry(Instant.now().plus(Duration.ofMinutes(6)));
		assertThat(status(name)).isEqualTo("FAILED");
		assertThat(this.listener.attempts(name)).isZero();
		this.upkeep.retry(Instant.now().plus(Duration.ofHours(2)));
		awaitSettled(name);
		assertThat(status(name)).isEqualTo("COMPLETED");
		assertThat(this.listener.attempts(name)).isEqualTo(1);
		assertThat(effects(name)).isEqualTo(1);
	}

	@Test
	void severalInstancesRetryingAtOnceRunAFailedListenerOnce() throws Exception {
		String name = probe(true);
		AfterCommitListeners.publish(this.context, new Probe(name));
		assertThat(status(name)).isEqualTo("FAILED");
		Instant later = Instant.now().plus(Duration.ofDays(1));
		int instances = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		try {
			Callable<Integer> retry = () -> {
				start.await();
				return this.upkeep.retry(later);
			};
			List<Future<Integer>> runs = IntStream.range(0, instances).mapToObj((i) -> pool.submit(retry)).toList();
			start.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		awaitSettled(name);
		assertThat(status(name)).isEqualTo("COMPLETED");
		assertThat(this.listener.attempts(name)).isEqualTo(2);
		assertThat(effects(name)).isEqualTo(1);
	}

	@Test
	void completedPublicationsAreDeletedAfterTheRetention() {
		String old = probe(false);
		String recent = probe(false);
		AfterCommitListeners.publish(this.context, new Probe(old));
		AfterCommitListeners.publish(this.context, new Probe(recent));
		this.jdbc.sql("update event_publication set completion_date = ? where serialized_event like ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(8), "%" + old + "%")
			.update();
		this.upkeep.retry(Instant.now());
		assertThat(count(old)).isZero();
		assertThat(status(recent)).isEqualTo("COMPLETED");
	}

	private String probe(boolean failFirst) {
		String name = "probe-" + UUID.randomUUID();
		if (failFirst) {
			this.listener.failFirst(name);
		}
		return name;
	}

	private void awaitSettled(String name) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> Set.of("COMPLETED", "FAILED").contains(status(name)));
	}

	private String status(String name) {
		return this.jdbc.sql("select status from event_publication where serialized_event like ?")
			.param("%" + name + "%")
			.query(String.class)
			.single();
	}

	private long count(String name) {
		return this.jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + name + "%")
			.query(Long.class)
			.single();
	}

	private long effects(String name) {
		return this.jdbc.sql("select count(*) from audit_log where action = 'test.probe' and subject = ?")
			.param(name)
			.query(Long.class)
			.single();
	}

	/** The event of the test listener. */
	public record Probe(String name) {
	}

	/**
	 * A cross-module listener whose effect is an audit row; told to, it fails its first
	 * attempt after writing, so the write is rolled back.
	 */
	static class ProbeListener {

		static final String ID = "test.probe-listener";

		private final AuditLog audit;

		private final Set<String> failFirst = ConcurrentHashMap.newKeySet();

		private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		ProbeListener(AuditLog audit) {
			this.audit = audit;
		}

		void failFirst(String name) {
			this.failFirst.add(name);
		}

		int attempts(String name) {
			return this.attempts.getOrDefault(name, new AtomicInteger()).get();
		}

		@ApplicationModuleListener(id = ID)
		void on(Probe probe) {
			this.attempts.computeIfAbsent(probe.name(), (name) -> new AtomicInteger()).incrementAndGet();
			this.audit.record("system", "test.probe", probe.name(), null);
			if (this.failFirst.remove(probe.name())) {
				throw new IllegalStateException("failing the first attempt on purpose");
			}
		}

	}

}
