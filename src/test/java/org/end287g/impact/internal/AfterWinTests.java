package org.end287g.impact.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.end287g.AfterCommitListeners;
import org.end287g.Staff;
import org.end287g.campaigns.CampaignWon;
import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.notifications.TestSmtp;
import org.end287g.notifications.internal.OutboxDriver;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * After a win: the won campaign's page celebrates it (date, how, the story) and points to
 * the nearest gathering campaign; it and the mail to its supporters carry the county's
 * rapid-response hotlines and legal help, in each one's language; and the close opens a
 * draft win linked to the campaign (or links the import's draft), once.
 */
class AfterWinTests extends StaffTestSupport {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

	static final String GASTON_FIPS = "37071";

	static final String PAGE = "/campaigns/" + GASTON;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Autowired
	Supporters supporters;

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignDraftWins campaignDrafts;

	@BeforeEach
	void helpAndNoWinsOfEarlierTests() {
		this.jdbc.sql("delete from help_entries").update();
		this.jdbc.sql("delete from win_sources where win_id in (select id from wins where agency_slug = ?)")
			.param(TrackerFixture.GASTON)
			.update();
		this.jdbc.sql("delete from wins where agency_slug = ? or campaign_id is not null")
			.param(TrackerFixture.GASTON)
			.update();
		help("Gaston Rapid Response", "RAPID_RESPONSE_HOTLINE", GASTON_FIPS);
		help("Carolina Deportation Defense", "DEPORTATION_DEFENSE", GASTON_FIPS);
		help("Gaston Walk With Us", "ACCOMPANIMENT", GASTON_FIPS);
		help("Faraway Hotline", "RAPID_RESPONSE_HOTLINE", "06037");
	}

	@Test
	void aGatheringCampaignCelebratesNothingAndShowsTheUsualHelp() throws Exception {
		String page = page(get(PAGE));
		assertThat(page).doesNotContain("We won", "After a win: be ready", "The next campaign near you")
			.contains("Gaston Walk With Us");
	}

	@Test
	void aWonCampaignCelebratesPointsToTheNextCampaignAndGivesHelpAfterTheWin() throws Exception {
		close("WON", "The county commission voted to end it.");
		String page = page(get(PAGE));
		assertThat(page).contains("We won: these agreements ended", "The story of this win is being written.")
			.contains("The next campaign near you")
			.contains("href=\"/campaigns/" + nearest() + "\"")
			.contains("After a win: be ready", "Gaston Rapid Response", "Carolina Deportation Defense")
			.contains("href=\"/help?county=37071\"", "href=\"/help/know-your-rights\"")
			.doesNotContain("Faraway Hotline", "Gaston Walk With Us");
		String spanish = page(get(PAGE).header("Accept-Language", "es"));
		assertThat(spanish).contains("Ganamos: estos acuerdos terminaron", "La próxima campaña cerca de usted",
				"Después de una victoria: esté preparado", "Línea de respuesta rápida", "Gaston Rapid Response");

		// staff publish the draft the close opened: the page links its story
		long draft = this.jdbc.sql("select id from wins where campaign_id = ?")
			.param(gaston().id())
			.query(Long.class)
			.single();
		this.jdbc.sql("update wins set status = 'PUBLISHED', how = 'AGENCY_DECISION' where id = ?")
			.param(draft)
			.update();
		String slug = this.jdbc.sql("select slug from wins where id = ?").param(draft).query(String.class).single();
		String published = page(get(PAGE));
		assertThat(published).contains("href=\"/wins/" + slug + "\"", "The agency decided")
			.doesNotContain("The story of this win is being written.");
	}

	@Test
	void anAgencyWithAPublishedWinCelebratesItOnItsCampaignPage() throws Exception {
		this.jdbc
			.sql("""
					insert into wins (slug, status, agency_name, state, agency_slug, models, ended_on, ended_precision,
					how, created_at, updated_at) values ('gaston-test-win-2019', 'PUBLISHED', 'Gaston County Sheriff''s Office',
					'NC', ?, 'JEM', DATE '2019-03-01', 'MONTH', 'ELECTION', ?, ?)""")
			.params(TrackerFixture.GASTON, OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		String page = page(get(PAGE));
		assertThat(page)
			.contains("We won: these agreements ended", "March 2019", "A new sheriff or an election",
					"href=\"/wins/gaston-test-win-2019\"", "The next campaign near you")
			// still gathering: no help after a win yet
			.doesNotContain("After a win: be ready");
	}

	@Test
	void theWinIsMailedWithTheCountysHelpInEachSupportersLanguage() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			this.jdbc.sql("delete from mail_outbox").update();
			return true;
		});
		OutboxDriver.pollOnce(this.context);
		long id = gaston().id();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String english = "en-" + tag + "@example.org";
		String spanish = "es-" + tag + "@example.org";
		String optedOut = "out-" + tag + "@example.org";
		Sig en = sig().email(english);
		en.supporter = supporter(english, "en");
		en.updates = true;
		signature(id, en);
		Sig es = sig().email(spanish);
		es.supporter = supporter(spanish, "es");
		es.updates = true;
		es.language = "es";
		signature(id, es);
		Sig out = sig().email(optedOut);
		out.supporter = supporter(optedOut, "en");
		signature(id, out);

		close("WON", "The sheriff ended it.");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			OutboxDriver.pollOnce(this.context);
			assertThat(
					this.jdbc.sql("select count(*) from mail_outbox where status <> 'SENT'").query(Long.class).single())
				.isZero();
		});
		Map<String, MimeMessage> received = Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> recipient(m).contains(tag))
			.collect(Collectors.toMap(AfterWinTests::recipient, (m) -> m, (a, b) -> a));
		assertThat(received).containsOnlyKeys(english, spanish);
		String body = text(received.get(english));
		assertThat(body).contains("The sheriff ended it.",
				"After the win, be ready: help in Gaston County, NC\nICE has answered wins with raids.",
				"Gaston Rapid Response (Rapid-response hotline): (704) 555-0100",
				"Carolina Deportation Defense (Deportation defense)", "/help?county=37071", "/help/know-your-rights")
			.doesNotContain("Faraway Hotline", "Gaston Walk With Us");
		String cuerpo = text(received.get(spanish));
		assertThat(cuerpo).contains("esté preparado", "Gaston Rapid Response", "Línea de respuesta rápida");
	}

	@Test
	void aLostCampaignMailsNothingOpensNoWinAndCelebratesNothing() throws Exception {
		close("LOST", "The commission kept it.");
		assertThat(this.jdbc.sql("select count(*) from wins where campaign_id = ?")
			.param(gaston().id())
			.query(Long.class)
			.single()).isZero();
		assertThat(page(get(PAGE))).doesNotContain("We won", "After a win: be ready");
	}

	@Test
	void theCloseOpensOneDraftWinLinkedToTheCampaignEvenWhenTheListenerRunsAgain() throws Exception {
		Instant since = AfterCommitListeners.now(this.context);
		close("WON", "Ended by the sheriff.");
		AfterCommitListeners.awaitSince(this.context, since);
		long id = gaston().id();
		Map<String, Object> draft = this.jdbc
			.sql("select status, agency_name, agency_slug, state, models, how, campaign, ended_on from wins "
					+ "where campaign_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(draft).containsEntry("STATUS", "DRAFT")
			.containsEntry("AGENCY_SLUG", TrackerFixture.GASTON)
			.containsEntry("STATE", "NC")
			.containsEntry("MODELS", "JEM,WSO")
			.containsEntry("HOW", "UNKNOWN")
			.containsEntry("CAMPAIGN", "Gaston County Sheriff's Office");
		List<String> publications = this.jdbc.sql("""
				select listener_id || ' ' || status from event_publication
				where event_type = ? and publication_date >= ?""")
			.params(CampaignWon.class.getName(), since.atOffset(ZoneOffset.UTC))
			.query(String.class)
			.list();
		assertThat(publications).containsExactly("impact.draft-win-after-campaign-won COMPLETED");

		// the same event again (a retry): no second draft
		CampaignWon again = new CampaignWon(id, GASTON, TrackerFixture.GASTON, OffsetDateTime.now(ZoneOffset.UTC),
				null);
		assertThat(this.campaignDrafts.open(again)).isFalse();
		assertThat(this.jdbc.sql("select count(*) from wins where agency_slug = ?")
			.param(TrackerFixture.GASTON)
			.query(Long.class)
			.single()).isOne();
		// staff see it among the drafts
		assertThat(html(get("/admin/impact/wins").with(Staff.admin()))).contains("Gaston County Sheriff");
	}

	@Test
	void theDraftAnImportOpenedIsLinkedToTheCampaignInsteadOfASecondOne() throws Exception {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc
			.sql("""
					insert into wins (slug, status, agency_name, state, agency_slug, models, ended_on, ended_precision,
					how, sheet_id, created_at, updated_at) values ('gaston-import-draft', 'DRAFT',
					'Gaston County Sheriff''s Office', 'NC', ?, 'JEM', DATE '2026-11-30', 'DAY', 'UNKNOWN', 424242, ?, ?)""")
			.params(TrackerFixture.GASTON, now, now)
			.update();
		Instant since = AfterCommitListeners.now(this.context);
		close("WON", "Gone from the sheet, and confirmed.");
		AfterCommitListeners.awaitSince(this.context, since);
		assertThat(this.jdbc.sql("select slug || ' ' || campaign from wins where agency_slug = ?")
			.param(TrackerFixture.GASTON)
			.query(String.class)
			.list()).containsExactly("gaston-import-draft Gaston County Sheriff's Office");
		assertThat(this.jdbc.sql("select campaign_id from wins where slug = 'gaston-import-draft'")
			.query(Long.class)
			.single()).isEqualTo(gaston().id());
	}

	@Test
	void theWinsPageMapsEachWinToItsStoryAndTheFiltersNarrowTheMap() throws Exception {
		String wins = page(get("/wins"));
		assertThat(wins).contains("<svg", "class=\"county won\"")
			// Harris County, TX: no tracker agency, its county found by its name
			.contains(
					"<a href=\"/wins/tx-harris-county-sheriffs-office-2017\" aria-label=\"Harris County Sheriff&#39;s Office, Harris County, TX: read how the agreement ended\">")
			.contains("href=\"/wins/nc-mecklenburg-county-sheriffs-office-2018\"")
			.contains("A county where communities ended an agreement.");
		String elections = page(get("/wins").param("how", "ELECTION"));
		assertThat(elections).contains("href=\"/wins/nc-mecklenburg-county-sheriffs-office-2018\"")
			.doesNotContain("href=\"/wins/tx-harris-county-sheriffs-office-2017\"");
		assertThat(page(get("/wins").header("Accept-Language", "es"))).contains("lea cómo terminó el acuerdo");
		// nothing matches: no map, the list says so
		assertThat(page(get("/wins").param("year", "1999"))).doesNotContain("wins-map", "county won")
			.contains("No win matches these choices.");
		for (String[] bad : new String[][] { { "how", "x".repeat(10_000) }, { "how", "election" },
				{ "how", "<svg onload=alert(1)>" }, { "year", "99999" }, { "year", "-2018" }, { "year", "２０１８" } }) {
			String refused = this.mvc.perform(get("/wins").param(bad[0], bad[1]))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(refused).doesNotContain("<svg onload");
		}
	}

	/** The gathering campaign whose agency's county lies nearest Gaston County. */
	private String nearest() {
		// Mecklenburg (37119) and Cleveland (37045) both border Gaston; the fixture's
		// Mecklenburg centroid is the nearer
		return "nc-mecklenburg-county-sheriffs-office";
	}

	private void close(String outcome, String note) throws Exception {
		Instant since = AfterCommitListeners.now(this.context);
		this.mvc
			.perform(post("/admin/campaigns/" + GASTON + "/close").with(Staff.admin())
				.with(csrf())
				.param("outcome", outcome)
				.param("note", note))
			.andExpect(status().is3xxRedirection());
		AfterCommitListeners.awaitSince(this.context, since);
		// pages kept by the page cache grow old
		Thread.sleep(600);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private long supporter(String email, String language) {
		return this.supporters.register(new SupporterDetails(email, "S", null, null, Locale.forLanguageTag(language)));
	}

	private void help(String name, String kind, String counties) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into help_entries (name, name_key, kind, languages, cost, counties, facilities, phone,
				last_checked, approved, created_at, updated_at)
				values (?, ?, ?, 'en es', 'FREE', ?, '', '(704) 555-0100', ?, true, ?, ?)""")
			.params(name, name.toLowerCase(Locale.ROOT), kind, counties, java.sql.Date.valueOf("2026-11-01"), now, now)
			.update();
	}

	/** The decoded text of a plain-text message, lines ending in \n. */
	static String text(MimeMessage message) throws Exception {
		return message.getContent().toString().lines().collect(Collectors.joining("\n"));
	}

	static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
