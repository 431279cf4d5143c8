package org.end287g.campaigns;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.end287g.AfterCommitListeners;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns appear for every agency with an ACTIVE or PENDING agreement, once. */
@SpringBootTest
class CampaignCreationTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	TrackerFixture fixture;

	@BeforeEach
	void load() {
		TestCampaigns.clear(this.jdbc);
		this.fixture = new TrackerFixture(this.jdbc);
		this.fixture.load("COMMAND");
	}

	@Test
	void everyActiveOrPendingAgencyGetsOneCampaignAndRemovedOnesNone() {
		assertThat(this.campaigns.createMissing()).isEqualTo(6);
		assertThat(slugs()).containsExactly("fl-florida-highway-patrol", "fl-sum-1-2-police-dept",
				"nc-cleveland-county-sheriffs-office", "nc-gaston-county-sheriffs-office",
				"nc-mecklenburg-county-sheriffs-office", "sc-york-county-sheriffs-office");
		assertThat(this.campaigns.forAgency("harris-county-constable-precinct-1-tx")).isEmpty();
		Campaign gaston = this.campaigns.find("nc-gaston-county-sheriffs-office").orElseThrow();
		assertThat(gaston.agencySlug()).isEqualTo(TrackerFixture.GASTON);
		assertThat(gaston.goal()).isEqualTo(200);
		assertThat(gaston.status()).isEqualTo(CampaignStatus.OPEN);
		assertThat(gaston.state()).isEqualTo("NC");
		assertThat(gaston.title()).isEqualTo("Gaston County Sheriff's Office");
		assertThat(this.campaigns.inState("NC")).extracting(Campaign::title)
			.containsExactly("Cleveland County Sheriff's Office", "Gaston County Sheriff's Office",
					"Mecklenburg County Sheriff's Office");
	}

	@Test
	void theImportEventCreatesMissingCampaignsAndRepeatingItChangesNothing() {
		AfterCommitListeners.publish(this.context,
				new IceSheetImported(1, "PARTICIPATING", java.time.LocalDateTime.now()));
		assertThat(slugs()).hasSize(6);
		long agency = this.fixture.agency("wake-county-sheriffs-office-nc", "NC", "Wake County Sheriff's Office",
				"COUNTY", "37183", null);
		this.fixture.agreement(agency, "JEM", "PENDING", null, null);
		AfterCommitListeners.publish(this.context, new IceSheetImported(2, "PENDING", java.time.LocalDateTime.now()));
		AfterCommitListeners.publish(this.context, new IceSheetImported(2, "PENDING", java.time.LocalDateTime.now()));
		assertThat(slugs()).hasSize(7).contains("nc-wake-county-sheriffs-office");
		assertThat(this.campaigns.createMissing()).isZero();
	}

	@Test
	void twoInstancesCreatingAtOnceMakeEachCampaignOnce() throws Exception {
		int threads = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			Callable<Integer> create = () -> {
				start.await();
				return this.campaigns.createMissing();
			};
			List<Future<Integer>> results = java.util.stream.IntStream.range(0, threads)
				.mapToObj((i) -> pool.submit(create))
				.toList();
			start.countDown();
			int created = 0;
			for (Future<Integer> result : results) {
				created += result.get();
			}
			assertThat(created).isEqualTo(6);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(slugs()).hasSize(6).doesNotHaveDuplicates();
	}

	@Test
	void aRenameKeepsTheSlugAndAnotherAgencyWithTheSameNameGetsASuffix() {
		this.campaigns.createMissing();
		this.jdbc.sql("update agency set name = 'Gaston County Sheriff Office' where slug = ?")
			.param(TrackerFixture.GASTON)
			.update();
		assertThat(this.campaigns.createMissing()).isZero();
		assertThat(this.campaigns.forAgency(TrackerFixture.GASTON).orElseThrow().slug())
			.isEqualTo("nc-gaston-county-sheriffs-office");
		long twin = this.fixture.agency("gaston-county-sheriffs-office-nc-2", "NC", "Gaston County Sheriff's Office",
				"OTHER", null, null);
		this.fixture.agreement(twin, "TFM", "ACTIVE", null, null);
		AfterCommitListeners.publish(this.context,
				new IceSheetImported(3, "PARTICIPATING", java.time.LocalDateTime.now()));
		assertThat(this.campaigns.forAgency("gaston-county-sheriffs-office-nc-2").orElseThrow().slug())
			.isEqualTo("nc-gaston-county-sheriffs-office-2");
	}

	@Test
	void anAgencyWhoseAgreementsWereAllRemovedKeepsItsCampaign() {
		this.campaigns.createMissing();
		this.jdbc
			.sql("update agreement set status = 'REMOVED' where agency_id = (select id from agency where slug = ?)")
			.param(TrackerFixture.GASTON)
			.update();
		assertThat(this.campaigns.createMissing()).isZero();
		assertThat(this.campaigns.find("nc-gaston-county-sheriffs-office")).isPresent();
	}

	@Test
	void hostileSlugsFindNothing() {
		this.campaigns.createMissing();
		for (String slug : new String[] { "", "<script>alert(1)</script>", "' or '1'='1", "nc-gaston%",
				"x".repeat(10_000), "nc-gastón", "NC-GASTON-COUNTY-SHERIFFS-OFFICE", null }) {
			assertThat(this.campaigns.find(slug)).as(String.valueOf(slug)).isEmpty();
		}
	}

	private List<String> slugs() {
		return this.jdbc.sql("select slug from campaigns order by slug").query(String.class).list();
	}

}
