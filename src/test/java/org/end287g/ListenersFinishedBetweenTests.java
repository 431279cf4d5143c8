package org.end287g;

import java.time.Instant;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * A test must not leave cross-module listeners running into the next one (they would
 * change the tables it starts from): after each test of an application, waits until the
 * listeners of every event published during the test have finished. Registered for every
 * test in {@code META-INF/spring.factories}.
 */
public class ListenersFinishedBetweenTests implements TestExecutionListener, Ordered {

	private static final String STARTED = ListenersFinishedBetweenTests.class.getName() + ".started";

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.setAttribute(STARTED, AfterCommitListeners.now(testContext.getApplicationContext()));
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext() && testContext.getAttribute(STARTED) instanceof Instant started) {
			AfterCommitListeners.awaitSince(testContext.getApplicationContext(), started);
		}
	}

	@Override
	public int getOrder() {
		// "after" callbacks run in reverse order: this one first, before a dirtied
		// context
		// is closed
		return Ordered.LOWEST_PRECEDENCE;
	}

}
