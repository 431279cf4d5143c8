package org.end287g.campaigns.signing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTests {

	@Test
	void concurrentSubmissionsShareBatchesAndEachGetsItsOwnResult() throws Exception {
		List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch firstBatchStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		GroupCommit<Integer, String> commit = new GroupCommit<>("test", 1, 50, 1000, (items) -> {
			batchSizes.add(items.size());
			firstBatchStarted.countDown();
			await(release);
			return items.stream().map((n) -> "done " + n).toList();
		});
		ExecutorService pool = Executors.newFixedThreadPool(40);
		try {
			List<Future<String>> answers = new ArrayList<>();
			answers.add(pool.submit(() -> commit.submit(0, Duration.ofSeconds(10))));
			firstBatchStarted.await(5, TimeUnit.SECONDS);
			// The writer is busy with the first item: these 39 queue up behind it.
			for (int i = 1; i < 40; i++) {
				int n = i;
				answers.add(pool.submit(() -> commit.submit(n, Duration.ofSeconds(10))));
			}
			Thread.sleep(200);
			// Nobody is answered before their batch is written.
			assertThat(answers).noneMatch(Future::isDone);
			release.countDown();
			for (int i = 0; i < 40; i++) {
				assertThat(answers.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("done " + i);
			}
			// The first item alone, then the 39 that queued meanwhile, in one or two
			// batches.
			assertThat(batchSizes).hasSizeBetween(2, 3).startsWith(1);
			assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
		}
		finally {
			pool.shutdownNow();
			commit.stop();
		}
	}

	@Test
	void aFailingItemFailsAloneWhenItsBatchIsRetriedOneByOne() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 1, 50, 1000, (items) -> {
			await(release);
			if (items.contains(13)) {
				throw new IllegalArgumentException("unlucky");
			}
			return items;
		});
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				int n = i;
				answers.add(pool.submit(() -> commit.submit(n, Duration.ofSeconds(10))));
			}
			Thread.sleep(200);
			release.countDown();
			for (int i = 0; i < 20; i++) {
				Future<Integer> answer = answers.get(i);
				if (i == 13) {
					assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("unlucky");
				}
				else {
					assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(i);
				}
			}
		}
		finally {
			pool.shutdownNow();
			commit.stop();
		}
	}

	@Test
	void aFullQueueOrASlowWriteAnswersBusy() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 1, 1, 1, (items) -> {
			await(release);
			return items;
		});
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> writing = pool.submit(() -> commit.submit(1, Duration.ofSeconds(10)));
			Thread.sleep(200);
			// The writer holds item 1; item 2 fills the queue and waits too long.
			assertThatThrownBy(() -> commit.submit(2, Duration.ofMillis(100))).isInstanceOf(GroupCommit.Busy.class);
			release.countDown();
			assertThat(writing.get(5, TimeUnit.SECONDS)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
			commit.stop();
		}
	}

	@Test
	void afterStopNothingIsTaken() {
		GroupCommit<Integer, Integer> commit = new GroupCommit<>("test", 1, 10, 10, (items) -> items);
		commit.stop();
		assertThatThrownBy(() -> commit.submit(1, Duration.ofSeconds(1))).isInstanceOf(GroupCommit.Busy.class);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
