package org.end287g;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-module listeners run after the publishing commit, on other threads: tests publish
 * as the application does (in a transaction) and wait until the listeners reached have
 * finished (completed or failed) before they look at what those did.
 */
public final class AfterCommitListeners {

	private static final Set<EventPublication.Status> RUNNING = EnumSet.of(EventPublication.Status.PUBLISHED,
			EventPublication.Status.PROCESSING, EventPublication.Status.RESUBMITTED);

	private static final Duration AT_MOST = Duration.ofSeconds(60);

	private AfterCommitListeners() {
	}

	/** Publishes the event in a transaction of its own and waits for its listeners. */
	public static void publish(ApplicationContext context, Object event) {
		Instant since = now(context);
		context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> context.publishEvent(event));
		awaitSince(context, since);
	}

	/** The moment to wait from, by the clock event publications are dated with. */
	public static Instant now(ApplicationContext context) {
		return context.getBeanProvider(Clock.class).getIfAvailable(Clock::systemUTC).instant();
	}

	/** Waits until no listener of an event published since {@code since} is running. */
	public static void awaitSince(ApplicationContext context, Instant since) {
		EventPublicationRegistry registry = context.getBeanProvider(EventPublicationRegistry.class).getIfAvailable();
		if (registry == null) {
			// a test context without the registry (a slice, a plain configuration)
			return;
		}
		Awaitility.await()
			.atMost(AT_MOST)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(running(registry, since)).as("listeners still running").isEmpty());
	}

	private static List<String> running(EventPublicationRegistry registry, Instant since) {
		return registry.findIncompletePublications()
			.stream()
			.filter((publication) -> !publication.getPublicationDate().isBefore(since))
			.filter((publication) -> RUNNING.contains(publication.getStatus()))
			.map((publication) -> publication.getTargetIdentifier().getValue() + " " + publication.getStatus())
			.toList();
	}

}
