package org.end287g.campaigns.lifecycle;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.end287g.AfterCommitListeners;
import org.end287g.accounts.QueuedMail;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.CampaignStatus;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.site.AccessibleHtml;
import org.end287g.tracker.IceSheetImported;
import org.end287g.tracker.IceSheets;
import org.end287g.tracker.ImportResult;
import org.end287g.tracker.SheetSource;
import org.end287g.tracker.TrackerFixture;
import org.end287g.tracker.importing.SharedData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * After an import, campaigns whose agency has no listed agreement left turn POSSIBLE_WIN
 * (staff and leaders told once), and back when the agreements return.
 */
class PossibleWinTests extends StaffTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	IceSheets sheets;

	int imports;

	void gastonAgreements(String status) {
		this.jdbc.sql("update agreement set status = ? where agency_id = (select id from agency where slug = ?)")
			.params(status, TrackerFixture.GASTON)
			.update();
		// a new sheet: a new data version, as a real import makes
		this.imports++;
		new TrackerFixture(this.jdbc).sheet("PARTICIPATING", "2025-07-" + (10 + this.imports) + "T00:00", 5, true,
				"COMMAND");
		AfterCommitListeners.publish(this.context, new IceSheetImported(1, "PARTICIPATING", LocalDateTime.now()));
	}

	@Test
	void aCampaignWhoseAgreementsEndedIsAPossibleWinUntilTheyComeBack() throws Exception {
		Campaign before = gaston();
		String leaderEmail = "leader-" + UUID.randomUUID() + "@example.org";
		this.directory.appointLeader("test-admin", leaderEmail, "Leader", "es", before.id());
		QueuedMail mail = new QueuedMail(this.jdbc, this.cipher, this.index);
		long audited = auditCount("campaign.possible-win");

		gastonAgreements("REMOVED");
		Campaign possible = gaston();
		assertThat(possible.status()).isEqualTo(CampaignStatus.POSSIBLE_WIN);
		assertThat(possible.possibleWinAt()).isNotNull();
		assertThat(auditCount("campaign.possible-win")).isEqualTo(audited + 1);
		List<QueuedMail.Message> told = mail.to(leaderEmail, "possible-win");
		assertThat(told).hasSize(1);
		assertThat(told.get(0).language()).isEqualTo("es");
		assertThat(told.get(0).body()).contains("ICE ya no publica", "/admin/campaigns/" + GASTON);
		assertThat(
				this.jdbc.sql("select subject_sealed from mail_outbox where template = 'possible-win' order by id desc")
					.query((rs, n) -> this.cipher.open(rs.getBytes(1), "mail_outbox.subject"))
					.list())
			.contains("Posible victoria: Gaston County Sheriff's Office");
		for (var admin : this.directory.admins()) {
			assertThat(mail.to(admin.email(), "possible-win")).isNotEmpty();
		}
		// the other campaigns still have agreements
		assertThat(this.campaigns.find("nc-mecklenburg-county-sheriffs-office").orElseThrow().status())
			.isEqualTo(CampaignStatus.OPEN);
		String page = html(get("/campaigns/" + GASTON));
		assertThat(page).contains("ICE no longer lists a 287(g) agreement for this agency");
		// staff see since when, written out in the page's language
		assertThat(html(get("/admin/campaigns/" + GASTON).param("lang", "es").with(org.end287g.Staff.admin())))
			.contains("Posible victoria desde")
			.containsPattern("\\d{1,2} de [a-zé]+ de \\d{4} \\d{2}:\\d{2}");
		assertThat(AccessibleHtml.problems(page)).isEmpty();

		// the next import again: nothing changes, nobody is told twice
		gastonAgreements("REMOVED");
		assertThat(mail.to(leaderEmail, "possible-win")).hasSize(1);
		assertThat(auditCount("campaign.possible-win")).isEqualTo(audited + 1);

		// the agreements are back (a broken publication fixed): OPEN again
		gastonAgreements("ACTIVE");
		assertThat(gaston().status()).isEqualTo(CampaignStatus.OPEN);
		assertThat(gaston().possibleWinAt()).isNull();

		// a campaign that had reached its goal goes back to READY
		this.jdbc.sql("update campaigns set status = 'READY', goal_reached_at = current_timestamp where id = ?")
			.param(before.id())
			.update();
		gastonAgreements("REMOVED");
		assertThat(gaston().status()).isEqualTo(CampaignStatus.POSSIBLE_WIN);
		gastonAgreements("PENDING");
		assertThat(gaston().status()).isEqualTo(CampaignStatus.READY);

		// closed campaigns are never reopened
		this.jdbc.sql("update campaigns set status = 'LOST' where id = ?").param(before.id()).update();
		gastonAgreements("REMOVED");
		assertThat(gaston().status()).isEqualTo(CampaignStatus.LOST);
	}

	@Test
	void aSheetAppliedOnTopOfTheHistoryIsComparedForTheAgenciesItChanged() {
		String mecklenburg = "nc-mecklenburg-county-sheriffs-office";
		this.jdbc.sql(
				"update agreement set status = 'REMOVED' where agency_id in (select id from agency where slug in (?, ?))")
			.params(TrackerFixture.GASTON, "mecklenburg-county-sheriffs-office-nc")
			.update();
		// the sheet recorded only Gaston's removals
		TrackerFixture fixture = new TrackerFixture(this.jdbc);
		long sheet = fixture.sheet("PARTICIPATING", "2025-07-30T00:00", 4, true, "COMMAND");
		for (Long agreement : this.jdbc
			.sql("select id from agreement where agency_id = (select id from agency where slug = ?)")
			.param(TrackerFixture.GASTON)
			.query(Long.class)
			.list()) {
			fixture.event(agreement, sheet, "REMOVED", "2025-07-30T00:00", null);
		}
		AfterCommitListeners.publish(this.context,
				new IceSheetImported(sheet, "PARTICIPATING", LocalDateTime.parse("2025-07-30T00:00"), true));
		assertThat(gaston().status()).isEqualTo(CampaignStatus.POSSIBLE_WIN);
		assertThat(this.campaigns.find(mecklenburg).orElseThrow().status()).isEqualTo(CampaignStatus.OPEN);
		// a sheet whose changes are not known one by one: every campaign is compared
		AfterCommitListeners.publish(this.context,
				new IceSheetImported(sheet, "PARTICIPATING", LocalDateTime.parse("2025-07-30T00:00")));
		assertThat(this.campaigns.find(mecklenburg).orElseThrow().status()).isEqualTo(CampaignStatus.POSSIBLE_WIN);
		assertThat(gaston().status()).isEqualTo(CampaignStatus.POSSIBLE_WIN);
		// the draft win the sheet opened for Gaston, which other tests do not expect
		this.jdbc.sql("delete from wins where sheet_id = ?").param(sheet).update();
	}

	@Test
	void icesRealSheetsInPublicationOrder() throws Exception {
		List<Path> files = SharedData.inPublicationOrder();
		new TrackerFixture(this.jdbc).clear();
		TestCampaigns.clear(this.jdbc);
		for (Path sheet : files) {
			Instant since = AfterCommitListeners.now(this.context);
			ImportResult result = this.sheets.importSheet(sheet, sheet.getFileName().toString(), SheetSource.COMMAND);
			AfterCommitListeners.awaitSince(this.context, since);
			assertThat(result.summary()).doesNotContain("REJECTED");
		}
		Set<String> unlisted = Set.copyOf(this.jdbc.sql("""
				select c.slug from campaigns c where not exists (select 1 from agency a join agreement g
				on g.agency_id = a.id where a.slug = c.agency_slug and g.status in ('ACTIVE', 'PENDING'))""")
			.query(String.class)
			.list());
		Set<String> possible = Set.copyOf(
				this.jdbc.sql("select slug from campaigns where status = 'POSSIBLE_WIN'").query(String.class).list());
		assertThat(possible).isEqualTo(unlisted);
		assertThat(this.jdbc.sql("select count(*) from campaigns where status = 'OPEN'").query(Long.class).single())
			.isGreaterThan(100);
		assertThat(this.jdbc
			.sql("select count(*) from campaigns where status = 'POSSIBLE_WIN' and possible_win_at is null")
			.query(Long.class)
			.single()).isZero();
	}

}
