package org.end287g.campaigns.targets;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.decide.DecideTables;
import org.end287g.notifications.TestSmtp;
import org.end287g.notifications.internal.OutboxDriver;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders to vote: before early voting for the office a campaign presses, every
 * confirmed signer who asked for updates gets the date and every candidate's answer, once
 * however often the job runs, in their language, over real SMTP.
 */
class ElectionReminderTests extends StaffTestSupport {

	static final int PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(PORT);

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
	ElectionReminders reminders;

	static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	/** Leaves the directory empty for the classes that run after this one. */
	@AfterEach
	void emptyDirectory() {
		DecideTables.clear(this.jdbc);
	}

	@BeforeEach
	void elections() {
		DecideTables.clear(this.jdbc);
		this.jdbc.sql("""
				insert into decide_offices (kind, name, state, county_fips, agency_slug, office_key, created_at)
				values ('SHERIFF', 'Gaston County Sheriff', 'NC', '37071', ?, 'gaston-sheriff', current_timestamp)""")
			.param(TrackerFixture.GASTON)
			.update();
		long office = this.jdbc.sql("select id from decide_offices").query(Long.class).single();
		// early voting opens in 10 days (within the 14 of the default): due now
		long due = election(office, TODAY.plusDays(30), TODAY.plusDays(10));
		// another contest far ahead: not due
		election(office, TODAY.plusDays(400), null);
		candidate(due, "Ana Ruiz", "YES", "I will end it on my first day.", "QUESTIONNAIRE", null);
		candidate(due, "Bob Stone", "NO", null, "STATEMENT", "https://news.example.org/debate");
		candidate(due, "Carl Diaz", null, null, null, null);
	}

	long election(long office, LocalDate general, LocalDate early) {
		this.jdbc
			.sql("""
					insert into decide_elections (office_id, general_date, early_voting_start, source_title, source_url,
					checked_on, created_at) values (?, ?, ?, 'NCSBE', 'https://www.ncsbe.gov', current_date, current_timestamp)""")
			.params(office, general, early)
			.update();
		return this.jdbc.sql("select max(id) from decide_elections").query(Long.class).single();
	}

	void candidate(long election, String name, String pledge, String statement, String source, String url) {
		this.jdbc.sql("""
				insert into decide_candidates (election_id, name, name_key, source_title, source_url, pledge, statement,
				pledge_source, pledge_source_title, pledge_source_url, pledged_on, created_at)
				values (?, ?, ?, 'NCSBE', 'https://www.ncsbe.gov', ?, ?, ?, ?, ?, current_date, current_timestamp)""")
			.params(java.util.Arrays.asList(election, name, name.toLowerCase(Locale.ROOT), pledge, statement, source,
					(url != null) ? "Gaston Gazette debate" : null, url))
			.update();
	}

	Sig signer(long campaign, String email, String language, boolean updates) {
		Sig sig = sig().email(email);
		sig.supporter = this.supporters
			.register(new SupporterDetails(email, "S", null, null, Locale.forLanguageTag(language)));
		sig.updates = updates;
		sig.language = language;
		signature(campaign, sig);
		return sig;
	}

	@Test
	void optedInSignersGetTheDateAndEveryAnswerOnceInTheirLanguage() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			this.jdbc.sql("delete from mail_outbox").update();
			return true;
		});
		OutboxDriver.pollOnce(this.context);
		long campaign = gaston().id();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String english = "en-" + tag + "@example.org";
		String spanish = "es-" + tag + "@example.org";
		signer(campaign, english, "en", true);
		signer(campaign, spanish, "es", true);
		signer(campaign, "out-" + tag + "@example.org", "en", false);

		assertThat(this.reminders.send(TODAY)).isEqualTo(2);
		// again, as another instance or the next poll would: nothing more
		assertThat(this.reminders.send(TODAY)).isZero();
		assertThat(this.reminders.send(TODAY.plusDays(1))).isZero();
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where template = 'election-reminder'")
			.query(Long.class)
			.single()).isEqualTo(2);

		MimeMessage es = TestSmtp.receivedBy(smtp, this.context, spanish);
		assertThat(es.getSubject()).startsWith("Elección para Gaston County Sheriff:");
		String text = text(es);
		assertThat(text).contains("Usted firmó la petición", "La votación anticipada empieza",
				"¿Pondrá fin al acuerdo 287(g)?", "Ana Ruiz: Sí \"I will end it on my first day.\"",
				"Bob Stone: No — Gaston Gazette debate https://news.example.org/debate", "Carl Diaz: Sin respuesta",
				"no respaldamos a nadie", "/elections/nc/37071");
		MimeMessage en = TestSmtp.receivedBy(smtp, this.context, english);
		assertThat(en.getSubject()).startsWith("Election for Gaston County Sheriff:");
		assertThat(text(en)).contains("Will you end the 287(g) agreement?", "Ana Ruiz: Yes", "we endorse no one");
		// this test's signers got one each, and the one who did not opt in none (mail of
		// other tests may reach the same server meanwhile)
		List<String> ours = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			for (jakarta.mail.Address to : message.getAllRecipients()) {
				if (to.toString().contains(tag)) {
					ours.add(to.toString());
				}
			}
		}
		assertThat(ours).containsExactlyInAnyOrder(english, spanish);
	}

	@Test
	void aSecondaryTargetsElectionOnTheSameDayGoesInTheSameSingleReminder() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			this.jdbc.sql("delete from mail_outbox").update();
			return true;
		});
		OutboxDriver.pollOnce(this.context);
		long campaign = gaston().id();
		this.jdbc.sql("""
				insert into decide_offices (kind, name, state, county_fips, office_key, created_at)
				values ('COUNTY_BOARD', 'Gaston County Board of Commissioners', 'NC', '37071', 'gaston-board',
				current_timestamp)""").update();
		long board = this.jdbc.sql("select id from decide_offices where office_key = 'gaston-board'")
			.query(Long.class)
			.single();
		long boardElection = election(board, TODAY.plusDays(30), TODAY.plusDays(10));
		candidate(boardElection, "Dee Park", "YES", null, "QUESTIONNAIRE", null);
		// a board election of another day, due as well: its own reminder, once
		long later = election(board, TODAY.plusDays(12), null);
		candidate(later, "Eve Long", null, null, null, null);
		this.jdbc.sql("insert into decide_targets (campaign_id, office_id, added_at) values (?, ?, current_timestamp)")
			.params(campaign, board)
			.update();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String english = "two-" + tag + "@example.org";
		signer(campaign, english, "en", true);

		// one mail for the day of the sheriff's and the board's elections, one for the
		// other day; never again
		assertThat(this.reminders.send(TODAY)).isEqualTo(2);
		assertThat(this.reminders.send(TODAY)).isZero();
		assertThat(this.jdbc.sql("select count(*) from campaign_election_reminders where campaign_id = ?")
			.param(campaign)
			.query(Long.class)
			.single()).isEqualTo(3);
		List<String> texts = new ArrayList<>();
		for (int round = 0; round < 20 && texts.size() < 2; round++) {
			OutboxDriver.pollOnce(this.context);
			texts.clear();
			for (MimeMessage message : smtp.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(english)) {
					texts.add(text(message));
				}
			}
		}
		assertThat(texts).hasSize(2);
		String both = texts.stream().filter((t) -> t.contains("Dee Park")).findFirst().orElseThrow();
		assertThat(both).contains("Gaston County Sheriff", "Ana Ruiz: Yes", "Gaston County Board of Commissioners",
				"Dee Park: Yes");
		String other = texts.stream().filter((t) -> t.contains("Eve Long")).findFirst().orElseThrow();
		assertThat(other).contains("Gaston County Board of Commissioners").doesNotContain("Ana Ruiz");
	}

	/** The text of a message, decoded (the first part of a multipart one). */
	static String text(jakarta.mail.Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof jakarta.mail.Multipart multipart) {
			return text(multipart.getBodyPart(0));
		}
		return (String) content;
	}

}
