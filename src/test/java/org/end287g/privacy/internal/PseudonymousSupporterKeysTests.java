package org.end287g.privacy.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database of before V32 (supporter ids in holds, signatures and registrations, global
 * e-mail keys, cities in clear) migrated with the application's keys: every row moves to
 * pseudonyms within its campaign or event, and nothing of the old links stays. Each test
 * migrates a database of its own (H2), whatever database the application uses.
 */
@SpringBootTest
class PseudonymousSupporterKeysTests {

	@Autowired
	PseudonymousSupporterKeys callback;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Test
	void existingRowsMoveToPseudonymsAndTheOldLinksGo() {
		SingleConnectionDataSource database = database();
		flyway(database).target("30").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
		String email = "Rosa.Diaz+petition@Gmail.com";
		long rosa = supporter(jdbc, email, now);
		long gone = supporter(jdbc, "gone@example.org", now);
		long first = campaign(jdbc, 1, now);
		long second = campaign(jdbc, 2, now);
		jdbc.sql("INSERT INTO supporter_holds (supporter_id, holder, created_at, ended_at) VALUES (?, ?, ?, ?)")
			.params(rosa, "campaign:" + first, now, now)
			.update();
		jdbc.sql("INSERT INTO supporter_holds (supporter_id, holder, created_at) VALUES (?, ?, ?)")
			.params(rosa, "event:99", now)
			.update();
		String global = this.index.ofEmail(EmailAddresses.identity(email));
		for (long campaign : List.of(first, second)) {
			jdbc.sql("""
					INSERT INTO signatures (campaign_id, supporter_id, email_key, email_domain_index, zip_sealed, city,
						language, source, created_at) VALUES (?, ?, ?, ?, ?, 'Bat Cave', 'en', 'ONLINE', ?)""")
				.params(campaign, rosa, global, this.index.of("email-domain", "gmail.com"),
						this.cipher.seal("28710", "signatures.zip"), now)
				.update();
		}
		// a signature whose supporter went without the listener: its global key must go
		jdbc.sql("""
				INSERT INTO signatures (campaign_id, email_key, language, source, created_at)
				VALUES (?, ?, 'en', 'ONLINE', ?)""")
			.params(first, this.index.ofEmail("gone@example.org"), now)
			.update();
		long event = event(jdbc, now);
		jdbc.sql(
				"""
						INSERT INTO event_registrations (event_id, supporter_id, email_key, email_sealed, language, status, code,
							created_at) VALUES (?, ?, ?, ?, 'en', 'REGISTERED', 'ABC234', ?)""")
			.params(event, rosa, global, this.cipher.seal(EmailAddresses.normalize(email), "event_registrations.email"),
					now)
			.update();

		flyway(database).callbacks(this.callback).load().migrate();

		String campaignOne = "campaign:" + first;
		String campaignTwo = "campaign:" + second;
		String eventHolder = "event:" + event;
		assertThat(this.cipher.open(
				jdbc.sql("SELECT holders_sealed FROM supporters WHERE id = ?").param(rosa).query(byte[].class).single(),
				JdbcSupporters.HOLDERS))
			.isEqualTo(String.join("\n",
					List.of(campaignOne, campaignTwo, eventHolder, "event:99").stream().sorted().toList()));
		assertThat(jdbc.sql("SELECT holders_sealed FROM supporters WHERE id = ?").param(gone).query().singleRow())
			.containsEntry("holders_sealed", null);
		Map<String, Object> firstHold = jdbc.sql("SELECT * FROM supporter_holds WHERE holder = ?")
			.param(campaignOne)
			.query()
			.singleRow();
		assertThat(firstHold).containsEntry("supporter_key", pseudonym(rosa, campaignOne));
		assertThat(firstHold.get("ended_at")).isNotNull();
		assertThat(jdbc.sql("SELECT supporter_key FROM supporter_holds WHERE holder = 'event:99' AND ended_at IS NULL")
			.query(String.class)
			.single()).isEqualTo(pseudonym(rosa, "event:99"));

		List<Map<String, Object>> signatures = jdbc.sql("SELECT * FROM signatures ORDER BY id").query().listOfRows();
		assertThat(signatures).hasSize(3)
			.allSatisfy((row) -> assertThat(row).doesNotContainKeys("supporter_id", "city"));
		for (int i = 0; i < 2; i++) {
			String holder = (i == 0) ? campaignOne : campaignTwo;
			Map<String, Object> row = signatures.get(i);
			assertThat(row).containsEntry("supporter_key", pseudonym(rosa, holder))
				.containsEntry("email_key", this.index.ofIdentityWithin(holder, "rosadiaz@gmail.com"))
				.containsEntry("email_domain_index", this.index.ofDomainWithin(holder, "gmail.com"));
			assertThat(this.cipher.open((byte[]) row.get("supporter_sealed"), "signatures.supporter"))
				.isEqualTo(Long.toString(rosa));
		}
		assertThat(signatures.get(0).get("email_key")).isNotEqualTo(signatures.get(1).get("email_key"));
		assertThat(signatures.get(2)).containsEntry("email_key", null).containsEntry("supporter_key", null);

		Map<String, Object> registration = jdbc.sql("SELECT * FROM event_registrations").query().singleRow();
		assertThat(registration).doesNotContainKey("supporter_id")
			.containsEntry("supporter_key", pseudonym(rosa, eventHolder))
			.containsEntry("email_key", this.index.ofIdentityWithin(eventHolder, email));
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE lower(table_name) = ?")
			.param("supporter_holds_v8")
			.query(Long.class)
			.single()).isZero();
		database.destroy();
	}

	@Test
	void withoutTheKeysTheMigrationStopsRatherThanDropTheLinks() {
		SingleConnectionDataSource database = database();
		flyway(database).target("30").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		long supporter = supporter(jdbc, "someone@example.org", now);
		jdbc.sql("INSERT INTO supporter_holds (supporter_id, holder, created_at) VALUES (?, 'campaign:1', ?)")
			.params(supporter, now)
			.update();
		assertThatExceptionOfType(FlywayException.class).isThrownBy(() -> flyway(database).load().migrate());
		assertThat(jdbc.sql("SELECT count(*) FROM supporter_holds_v8").query(Long.class).single()).isEqualTo(1);
		database.destroy();
	}

	private String pseudonym(long supporter, String holder) {
		return JdbcSupporters.pseudonym(this.index, supporter, holder);
	}

	private long supporter(JdbcClient jdbc, String email, OffsetDateTime now) {
		String normalized = EmailAddresses.normalize(email);
		jdbc.sql("""
				INSERT INTO supporters (email_index, email_sealed, language, created_at, updated_at)
				VALUES (?, ?, 'en', ?, ?)""")
			.params(this.index.ofEmail(normalized), this.cipher.seal(normalized, "supporters.email"), now, now)
			.update();
		return jdbc.sql("SELECT id FROM supporters WHERE email_index = ?")
			.param(this.index.ofEmail(normalized))
			.query(Long.class)
			.single();
	}

	private static long campaign(JdbcClient jdbc, int n, OffsetDateTime now) {
		jdbc.sql("""
				INSERT INTO campaigns (slug, agency_slug, state, title, created_at)
				VALUES (?, ?, 'NC', ?, ?)""").params("campaign-" + n, "agency-" + n, "Campaign " + n, now).update();
		return jdbc.sql("SELECT id FROM campaigns WHERE slug = ?").param("campaign-" + n).query(Long.class).single();
	}

	private static long event(JdbcClient jdbc, OffsetDateTime now) {
		jdbc.sql(
				"""
						INSERT INTO events (slug, title_en, description_en, kind, starts_at, ends_at, time_zone, capacity, status,
							created_by, created_at, updated_at)
						VALUES ('an-event', 'An event', 'About it', 'ONLINE', ?, ?, 'America/New_York', 10, 'PUBLISHED', 'staff',
							?, ?)""")
			.params(now.plusDays(7), now.plusDays(7).plusHours(1), now, now)
			.update();
		return jdbc.sql("SELECT id FROM events WHERE slug = 'an-event'").query(Long.class).single();
	}

	/**
	 * A database of its own on one connection for the whole test: H2 ties the CHECK
	 * constraints a migration creates to the session that created them.
	 */
	private static SingleConnectionDataSource database() {
		return new SingleConnectionDataSource("jdbc:h2:mem:conversion-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(SingleConnectionDataSource database) {
		return Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2");
	}

}
