package org.end287g.tracker.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionedCacheTests {

	private final VersionedCache cache = new VersionedCache();

	@Test
	void aNewVersionDropsEverything() {
		AtomicInteger loads = new AtomicInteger();
		assertThat(this.cache.get("v1", "k", loads::incrementAndGet)).isEqualTo(1);
		assertThat(this.cache.get("v1", "k", loads::incrementAndGet)).isEqualTo(1);
		assertThat(this.cache.get("v2", "k", loads::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void aLoaderMayReadOtherCachedValues() {
		String outer = this.cache.get("v1", "outer", () -> "outer of " + this.cache.get("v1", "inner", () -> "inner"));
		assertThat(outer).isEqualTo("outer of inner");
	}

	@Test
	void concurrentCallersShareOneLoad() {
		AtomicInteger loads = new AtomicInteger();
		List<CompletableFuture<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			calls.add(CompletableFuture.supplyAsync(() -> this.cache.get("v1", "k", () -> {
				sleep();
				return loads.incrementAndGet();
			})));
		}
		calls.forEach((call) -> assertThat(call.join()).isEqualTo(1));
		assertThat(loads).hasValue(1);
	}

	@Test
	void aFailedLoadIsRetried() {
		try {
			this.cache.get("v1", "k", () -> {
				throw new IllegalStateException("database down");
			});
		}
		catch (IllegalStateException expected) {
			// the next call loads again
		}
		assertThat(this.cache.get("v1", "k", () -> "loaded")).isEqualTo("loaded");
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
