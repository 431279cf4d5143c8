package org.end287g.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.Supporter;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
class SupportersTests {

	@Autowired
	Supporters supporters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	static String uniqueEmail() {
		return "maria.lopez+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	@Test
	void twoRequestsRegisteringTheSameAddressAtOnceMakeOneSupporter() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int attempt = 0; attempt < 10; attempt++) {
				String email = uniqueEmail();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<Long>> ids = new ArrayList<>();
				for (String variant : List.of(email, "  " + email.toUpperCase(Locale.ROOT) + " ")) {
					ids.add(pool.submit(() -> {
						start.await(5, TimeUnit.SECONDS);
						return this.supporters.register(
								new SupporterDetails(variant, "María López", null, null, Locale.forLanguageTag("es")));
					}));
				}
				assertThat(ids.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(ids.get(1).get(30, TimeUnit.SECONDS));
				assertThat(this.jdbc.sql("SELECT count(*) FROM supporters WHERE email_index = ?")
					.param(this.index.ofEmail(email))
					.query(Long.class)
					.single()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void registeringAgainUpdatesGivenValuesAndKeepsTheOthers() {
		String email = uniqueEmail();
		long id = this.supporters.register(
				new SupporterDetails(email, "María López", "28052", "+1 704 555 0100", Locale.forLanguageTag("es")));
		long again = this.supporters
			.register(new SupporterDetails(email.toUpperCase(Locale.ROOT), null, "27601", null, Locale.ENGLISH));
		assertThat(again).isEqualTo(id);
		Supporter found = this.supporters.findByEmail(" " + email + " ").orElseThrow();
		assertThat(found.id()).isEqualTo(id);
		assertThat(found.email()).isEqualTo(email);
		assertThat(found.name()).isEqualTo("María López");
		assertThat(found.zip()).isEqualTo("27601");
		assertThat(found.phone()).isEqualTo("+1 704 555 0100");
		assertThat(found.language()).isEqualTo(Locale.ENGLISH);
		assertThat(found.toString()).doesNotContain("María").doesNotContain(email);
		assertThat(this.supporters.findByEmail(uniqueEmail())).isEmpty();
	}

	@Test
	void registeringManyAtOnceGivesEachIdInOrderAndUpdatesKnownOnes() {
		String known = uniqueEmail();
		String fresh = uniqueEmail();
		long knownId = this.supporters
			.register(new SupporterDetails(known, "Ana Pérez", "28052", null, Locale.forLanguageTag("es")));
		List<Long> ids = this.supporters
			.registerAll(List.of(new SupporterDetails(fresh, "Luis Gómez", "27601", null, Locale.ENGLISH),
					new SupporterDetails(known.toUpperCase(Locale.ROOT), null, "28054", null, Locale.ENGLISH),
					new SupporterDetails(" " + fresh + " ", "Luis G.", null, null, Locale.ENGLISH)));
		assertThat(ids).hasSize(3);
		assertThat(ids.get(1)).isEqualTo(knownId);
		assertThat(ids.get(2)).isEqualTo(ids.get(0)).isNotEqualTo(knownId);
		Supporter updated = this.supporters.findByEmail(known).orElseThrow();
		assertThat(updated.name()).isEqualTo("Ana Pérez");
		assertThat(updated.zip()).isEqualTo("28054");
		assertThat(updated.language()).isEqualTo(Locale.ENGLISH);
		// the same person twice in one list: the later values win, as one by one
		assertThat(this.supporters.findByEmail(fresh).orElseThrow().name()).isEqualTo("Luis G.");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.supporters
			.registerAll(List.of(new SupporterDetails(uniqueEmail(), null, null, null, Locale.ENGLISH),
					new SupporterDetails("not an address", null, null, null, Locale.ENGLISH))));
	}

	@Test
	void holdingManyAtOnceReopensEndedHolds() {
		long first = this.supporters.register(SupporterDetails.of(uniqueEmail(), Locale.ENGLISH));
		long second = this.supporters.register(SupporterDetails.of(uniqueEmail(), Locale.ENGLISH));
		this.supporters.hold(first, "campaign:991");
		this.supporters.endHolds("campaign:991", java.time.Instant.now());
		this.supporters.holdAll(List.of(first, second, second), "campaign:991");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM supporter_holds WHERE holder = 'campaign:991' AND ended_at IS NULL "
					+ "AND supporter_key IN (?, ?)")
			.params(this.supporters.pseudonym(first, "campaign:991"), this.supporters.pseudonym(second, "campaign:991"))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "not-an-address", "a@b", "<script>alert(1)</script>@example.org",
			"x' OR '1'='1@example.org", "robert'); DROP TABLE supporters;--@example.org", "two words@example.org" })
	void invalidAddressesAreRefusedAndNothingIsStored(String email) {
		long before = count();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.supporters.register(SupporterDetails.of(email, Locale.ENGLISH)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.supporters
			.register(SupporterDetails.of("a".repeat(10_000) + "@example.org", Locale.ENGLISH)));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void invalidOptionalValuesAreRefusedAndNothingIsStored() {
		long before = count();
		String email = uniqueEmail();
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.supporters.register(new SupporterDetails(email, "x".repeat(10_000), null, null, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.supporters.register(new SupporterDetails(email, null, "2805<", null, null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.supporters.register(new SupporterDetails(email, null, null, "<script>", null)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.supporters.register(new SupporterDetails(email, "line\nbreak", null, null, null)));
		assertThat(count()).isEqualTo(before);
		// script in a name is only text: stored sealed, given back as it was
		long id = this.supporters
			.register(new SupporterDetails(email, "<script>alert(1)</script>", null, null, Locale.ENGLISH));
		assertThat(this.supporters.findByEmail(email).orElseThrow().name()).isEqualTo("<script>alert(1)</script>");
		assertThat(id).isPositive();
	}

	@Test
	void sealedColumnsHoldNoPlaintextAndOpenOnlyUnderTheirOwnColumn() {
		String email = uniqueEmail();
		long id = this.supporters.register(new SupporterDetails(email, "Guadalupe Hernández", "28052", "704-555-0199",
				Locale.forLanguageTag("es")));
		Map<String, Object> row = this.jdbc
			.sql("SELECT email_index, email_sealed, name_sealed, zip_sealed, phone_sealed FROM supporters WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		for (String column : List.of("email_sealed", "name_sealed", "zip_sealed", "phone_sealed")) {
			byte[] raw = (byte[]) row.get(column);
			String asText = new String(raw, StandardCharsets.ISO_8859_1);
			assertThat(asText).doesNotContain(email)
				.doesNotContain("maria.lopez")
				.doesNotContain("Guadalupe")
				.doesNotContain("Hern")
				.doesNotContain("28052")
				.doesNotContain("555");
		}
		assertThat((String) row.get("email_index")).isEqualTo(this.index.ofEmail(email)).doesNotContain("maria");
		assertThat(this.cipher.open((byte[]) row.get("name_sealed"), "supporters.name"))
			.isEqualTo("Guadalupe Hernández");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.cipher.open((byte[]) row.get("name_sealed"), "supporters.email"));
	}

	/**
	 * What a stolen dump shows: every column of both tables, as the database renders it
	 * as text and as raw bytes, holds none of the personal values.
	 */
	@Test
	void aDumpOfTheTablesRevealsNoPersonalValue() {
		String email = uniqueEmail();
		String local = email.substring(0, email.indexOf('@'));
		long id = this.supporters.register(
				new SupporterDetails(email, "Xóchitl Ramírez", "27601", "919 555 0142", Locale.forLanguageTag("es")));
		this.supporters.hold(id, "campaign:12");
		List<String> personal = List.of(email, local, "Xóchitl", "Ramírez", "Ramirez", "27601", "919 555 0142",
				"5550142");
		for (String table : List.of("supporters", "supporter_holds")) {
			List<String> cells = this.jdbc.sql("SELECT * FROM " + table).query((rs, rowNum) -> {
				ResultSetMetaData meta = rs.getMetaData();
				List<String> values = new ArrayList<>();
				for (int column = 1; column <= meta.getColumnCount(); column++) {
					values.add(String.valueOf(rs.getString(column)));
					int type = meta.getColumnType(column);
					byte[] bytes = (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY)
							? rs.getBytes(column) : null;
					if (bytes != null) {
						values.add(new String(bytes, StandardCharsets.UTF_8));
						values.add(new String(bytes, StandardCharsets.ISO_8859_1));
					}
				}
				return String.join("|", values);
			}).list();
			assertThat(cells).isNotEmpty();
			for (String cell : cells) {
				for (String value : personal) {
					assertThat(cell.toLowerCase(Locale.ROOT)).as(table).doesNotContain(value.toLowerCase(Locale.ROOT));
				}
			}
		}
	}

	/**
	 * Security review, finding 4: a supporter's holds in two campaigns or events share no
	 * value a dump shows; only the supporter's sealed list of holders, opened with the
	 * key, leads to them.
	 */
	@Test
	void holdsNameTheSupporterByAPseudonymOfTheirOwnInEachHolder() {
		String email = uniqueEmail();
		long id = this.supporters.register(SupporterDetails.of(email, Locale.ENGLISH));
		this.supporters.hold(id, "campaign:12");
		this.supporters.holdAll(List.of(id), "event:7");
		this.supporters.hold(id, "campaign:12");
		List<Map<String, Object>> holds = this.jdbc
			.sql("SELECT * FROM supporter_holds WHERE holder IN ('campaign:12', 'event:7') AND supporter_key IN (?, ?)")
			.params(this.supporters.pseudonym(id, "campaign:12"), this.supporters.pseudonym(id, "event:7"))
			.query()
			.listOfRows();
		assertThat(holds).hasSize(2);
		assertThat(holds.get(0).keySet()).map((column) -> column.toLowerCase(Locale.ROOT))
			.containsExactlyInAnyOrder("holder", "supporter_key", "created_at", "ended_at");
		assertThat(holds.get(0).get("supporter_key")).isNotEqualTo(holds.get(1).get("supporter_key"))
			.isNotEqualTo(Long.toString(id));
		assertThat(this.supporters.pseudonym(id, "campaign:12"))
			.isNotEqualTo(this.supporters.pseudonym(id + 1, "campaign:12"));
		assertThat(this.supporters.pseudonyms(this.index.ofEmail(email))).containsOnlyKeys("campaign:12", "event:7")
			.containsEntry("event:7", this.supporters.pseudonym(id, "event:7"));
		assertThat(this.supporters.pseudonyms(this.index.ofEmail(uniqueEmail()))).isEmpty();
		byte[] sealed = this.jdbc.sql("SELECT holders_sealed FROM supporters WHERE id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("campaign");
		assertThat(this.cipher.open(sealed, "supporters.holders")).isEqualTo("campaign:12\nevent:7");
		assertThatIllegalArgumentException().isThrownBy(() -> this.supporters.hold(Long.MAX_VALUE, "campaign:12"));
	}

	@Test
	void thereIsNoColumnForImmigrationStatus() {
		List<String> columns = this.jdbc
			.sql("SELECT lower(column_name) FROM information_schema.columns WHERE lower(table_name) IN "
					+ "('supporters', 'supporter_holds')")
			.query(String.class)
			.list();
		assertThat(columns).contains("email_sealed", "holder")
			.noneMatch((column) -> column.contains("status") || column.contains("immigra") || column.contains("citizen")
					|| column.contains("visa") || column.contains("country"));
	}

	@Test
	void holdsOpenEndAndReopen() {
		long id = this.supporters.register(SupporterDetails.of(uniqueEmail(), Locale.ENGLISH));
		String holder = "campaign:" + UUID.randomUUID().toString().substring(0, 8);
		this.supporters.hold(id, holder);
		this.supporters.hold(id, holder);
		assertThat(openHolds(id, holder)).isEqualTo(1);
		assertThat(this.supporters.endHolds(holder, Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo(1);
		assertThat(this.supporters.endHolds(holder, Instant.parse("2026-02-01T00:00:00Z"))).isZero();
		assertThat(openHolds(id, holder)).isZero();
		this.supporters.hold(id, holder);
		assertThat(openHolds(id, holder)).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> this.supporters.hold(id, "x".repeat(65)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.supporters.hold(id, " "));
	}

	private long openHolds(long id, String holder) {
		return this.jdbc
			.sql("SELECT count(*) FROM supporter_holds WHERE supporter_key = ? AND holder = ? AND ended_at IS NULL")
			.params(this.supporters.pseudonym(id, holder), holder)
			.query(Long.class)
			.single();
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM supporters").query(Long.class).single();
	}

}
