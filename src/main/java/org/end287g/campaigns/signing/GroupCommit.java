package org.end287g.campaigns.signing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what many request threads submit in shared transactions: each writer thread
 * takes whatever has queued up (up to {@code maxBatch} items) and hands it to
 * {@code write} in one go, so a thousand signers a second cost tens of commits, not
 * thousands. A request gets its answer only after its batch has committed, so an answer
 * is never given for something a crash could lose; what is queued but not yet committed
 * belongs to requests still waiting for an answer. When a batch fails, its items are
 * written one by one, so one bad item does not fail the others.
 *
 * @param <T> what a request submits
 * @param <R> what it gets back
 */
final class GroupCommit<T, R> {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private final BlockingQueue<Entry<T, R>> queue;

	private final Function<List<T>, List<R>> write;

	private final int maxBatch;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running = true;

	/**
	 * A queue with its writer threads, started at once.
	 * @param name for the writer threads
	 * @param writers how many batches may be written at once (commits overlap)
	 * @param maxBatch the most items in one transaction
	 * @param capacity the most items waiting; beyond it {@link #submit} refuses at once
	 * @param write writes the items in one transaction and returns one result per item,
	 * in order; throws to roll the whole batch back
	 */
	GroupCommit(String name, int writers, int maxBatch, int capacity, Function<List<T>, List<R>> write) {
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.write = write;
		this.maxBatch = maxBatch;
		for (int i = 0; i < writers; i++) {
			Thread thread = Thread.ofPlatform().name(name + "-" + i).daemon().unstarted(this::run);
			this.writers.add(thread);
			thread.start();
		}
	}

	/**
	 * Submits an item and waits until its batch is committed.
	 * @throws Busy when the queue is full or the answer takes longer than
	 * {@code timeout}; in the second case the item may still be written later
	 * @throws RuntimeException what writing this item alone threw
	 */
	R submit(T item, Duration timeout) {
		Entry<T, R> entry = new Entry<>(item, new CompletableFuture<>());
		if (!this.running || !this.queue.offer(entry)) {
			throw new Busy();
		}
		try {
			return entry.result().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new Busy();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Stops taking items; the writers finish what is queued, then end. They are not
	 * interrupted: an interrupt inside a database driver can break its connection (H2
	 * closes the whole in-memory database).
	 */
	void stop() {
		this.running = false;
		for (Thread thread : this.writers) {
			try {
				thread.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void run() {
		List<Entry<T, R>> batch = new ArrayList<>(this.maxBatch);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Entry<T, R> first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.maxBatch - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<Entry<T, R>> batch) {
		try {
			List<R> results = this.write.apply(batch.stream().map(Entry::item).toList());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).result().complete(results.get(i));
			}
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				batch.get(0).result().completeExceptionally(ex);
				return;
			}
			log.warn("A batch of {} failed ({}); writing its items one by one", batch.size(), ex.toString());
			for (Entry<T, R> entry : batch) {
				write(List.of(entry));
			}
		}
		catch (Error ex) {
			for (Entry<T, R> entry : batch) {
				entry.result().completeExceptionally(ex);
			}
			throw ex;
		}
	}

	private record Entry<T, R>(T item, CompletableFuture<R> result) {
	}

	/** Too much is waiting: the request should be answered "try again in a moment". */
	static final class Busy extends RuntimeException {

		Busy() {
			super("busy", null, false, false);
		}

	}

}
