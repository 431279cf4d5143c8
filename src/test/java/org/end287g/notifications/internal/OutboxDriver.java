package org.end287g.notifications.internal;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other modules send the queued mail now, as the worker would on its next
 * poll (in tests it polls by itself only at start-up).
 */
public final class OutboxDriver {

	private OutboxDriver() {
	}

	/** One poll of the worker; how many messages it handled. */
	public static int pollOnce(ApplicationContext context) {
		return context.getBean(OutboxWorker.class).poll();
	}

	/** Polls until nothing is due; returns how many messages were handled. */
	public static int sendAll(ApplicationContext context) {
		OutboxWorker worker = context.getBean(OutboxWorker.class);
		int total = 0;
		for (int handled = worker.poll(); handled > 0; handled = worker.poll()) {
			total += handled;
		}
		return total;
	}

}
