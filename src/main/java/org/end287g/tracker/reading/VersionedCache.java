package org.end287g.tracker.reading;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Read results kept in memory only under the data version they were read at; a new
 * version drops them all. Losing this cache costs time, never correctness.
 */
@Component
class VersionedCache {

	private static final int MAX_ENTRIES = 5_000;

	private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(""));

	@SuppressWarnings("unchecked")
	<T> T get(String version, String key, Supplier<T> loader) {
		Generation generation = this.current
			.updateAndGet((old) -> old.version().equals(version) ? old : new Generation(version));
		if (generation.values().size() > MAX_ENTRIES) {
			generation.values().clear();
		}
		// The map only holds the memo; loading happens outside the map's lock, so a
		// loader
		// may read other cached values, and concurrent callers wait for one load.
		Memo memo = generation.values().computeIfAbsent(key, (ignored) -> new Memo(loader));
		try {
			return (T) memo.get();
		}
		catch (RuntimeException ex) {
			generation.values().remove(key, memo);
			throw ex;
		}
	}

	private static final class Memo {

		/** Null once loaded. */
		private @Nullable Supplier<?> loader;

		/** Null until loaded. */
		private @Nullable Object value;

		Memo(Supplier<?> loader) {
			this.loader = loader;
		}

		synchronized Object get() {
			Supplier<?> pending = this.loader;
			if (pending != null) {
				this.value = pending.get();
				this.loader = null;
			}
			// the call that found the loader stored its value; a failed load keeps the
			// loader, and the caller drops this memo
			return Objects.requireNonNull(this.value);
		}

	}

	private record Generation(String version, Map<String, Memo> values) {

		Generation(String version) {
			this(version, new ConcurrentHashMap<>());
		}

	}

}
