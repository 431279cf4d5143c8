package org.end287g.campaigns.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each move between statuses happens once, only from the statuses it may leave; a second
 * request making the same move (here at the same moment) is told it changed nothing.
 */
@SpringBootTest
class CampaignLifecycleTests {

	static long numbers = System.nanoTime() % 1_000_000_000L + 7_000_000_000L;

	@Autowired
	CampaignLifecycle lifecycle;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	long id;

	@BeforeEach
	void newCampaign() {
		this.id = TestCampaigns.id(this.jdbc, ++numbers);
	}

	Campaign campaign() {
		return this.campaigns.byId(this.id).orElseThrow();
	}

	@Test
	void theGoalIsReachedOnceAndOnlyByACountAsHighAsIt() {
		assertThat(this.lifecycle.reachGoal(this.id, 199)).isFalse();
		assertThat(campaign().status()).isEqualTo(CampaignStatus.OPEN);
		assertThat(this.lifecycle.reachGoal(this.id, 200)).isTrue();
		assertThat(campaign().status()).isEqualTo(CampaignStatus.READY);
		assertThat(campaign().goalReachedAt()).isNotNull();
		assertThat(this.lifecycle.reachGoal(this.id, 250)).isFalse();
	}

	@Test
	void ofManyReachingTheGoalAtOnceExactlyOneIsTold() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.lifecycle.reachGoal(this.id, 200);
				}));
			}
			start.countDown();
			int told = 0;
			for (Future<Boolean> answer : answers) {
				told += answer.get() ? 1 : 0;
			}
			assertThat(told).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aWithdrawnPossibleWinReturnsToWhereItStood() {
		assertThat(this.lifecycle.possibleWin(this.id, CampaignStatus.OPEN)).isTrue();
		assertThat(campaign().status()).isEqualTo(CampaignStatus.POSSIBLE_WIN);
		assertThat(campaign().possibleWinAt()).isNotNull();
		assertThat(this.lifecycle.possibleWin(this.id, CampaignStatus.OPEN)).isFalse();
		assertThat(this.lifecycle.withdrawPossibleWin(this.id)).isTrue();
		assertThat(campaign().status()).isEqualTo(CampaignStatus.OPEN);
		assertThat(campaign().possibleWinAt()).isNull();
		assertThat(this.lifecycle.withdrawPossibleWin(this.id)).isFalse();

		this.lifecycle.reachGoal(this.id, 200);
		assertThat(this.lifecycle.possibleWin(this.id, CampaignStatus.READY)).isTrue();
		assertThat(this.lifecycle.withdrawPossibleWin(this.id)).isTrue();
		assertThat(campaign().status()).isEqualTo(CampaignStatus.READY);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.lifecycle.possibleWin(this.id, CampaignStatus.POSSIBLE_WIN));
	}

	@Test
	void aCampaignClosesOnceAndOnlyAPossibleWinIsConfirmed() {
		assertThat(this.lifecycle.confirmWin(this.id, null, "staff-1")).isEmpty();
		assertThat(this.lifecycle.close(this.id, CampaignStatus.LOST, "They kept it", "staff-1")).isPresent();
		Campaign closed = campaign();
		assertThat(closed.status()).isEqualTo(CampaignStatus.LOST);
		assertThat(closed.closedAt()).isNotNull();
		assertThat(closed.outcomeNote()).isEqualTo("They kept it");
		assertThat(this.lifecycle.close(this.id, CampaignStatus.WON, "Ended", "staff-2")).isEmpty();
		assertThat(campaign().status()).isEqualTo(CampaignStatus.LOST);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.lifecycle.close(this.id, CampaignStatus.OPEN, null, "staff-1"));

		this.id = TestCampaigns.id(this.jdbc, ++numbers);
		this.lifecycle.possibleWin(this.id, CampaignStatus.OPEN);
		assertThat(this.lifecycle.confirmWin(this.id, null, "staff-1")).isPresent();
		assertThat(campaign().status()).isEqualTo(CampaignStatus.WON);
	}

}
