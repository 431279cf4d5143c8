package org.end287g;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A figure read from the database for the metrics, reused for
 * {@link MetricsProperties#cacheFor()} so that scrapes stay cheap. The database is the
 * only source of business figures: every instance reads the same values, and losing this
 * cache loses nothing.
 *
 * @param <T> the reading, typically a small record of several figures read in one query
 */
public final class CachedReading<T> {

	private final Supplier<T> read;

	private final long ttlNanos;

	private @Nullable T value;

	private long readAt;

	public CachedReading(MetricsProperties properties, Supplier<T> read) {
		this(properties.cacheFor(), read);
	}

	public CachedReading(Duration cacheFor, Supplier<T> read) {
		this.read = read;
		this.ttlNanos = cacheFor.toNanos();
	}

	/** The cached reading, or a new one when it is older than the cache time. */
	public synchronized T get() {
		long now = System.nanoTime();
		T current = this.value;
		if (current == null || now - this.readAt >= this.ttlNanos) {
			current = this.read.get();
			this.value = current;
			this.readAt = now;
		}
		return current;
	}

	/**
	 * Registers a gauge showing one figure of this reading (read through the cache).
	 * @param unit the base unit, such as "seconds", or null for a count
	 */
	public void gauge(MeterRegistry registry, String name, String description, @Nullable String unit,
			ToDoubleFunction<T> figure) {
		Gauge.builder(name, this, (cached) -> figure.applyAsDouble(cached.get()))
			.description(description)
			.baseUnit(unit)
			.strongReference(true)
			.register(registry);
	}

}
