package org.end287g.privacy.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SealedColumn;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Key rotation as docs/security.md describes it: a new AEAD key is added and promoted,
 * reseal re-encrypts every value with it, and the old key is then no longer needed.
 */
@SpringBootTest
class ResealTests {

	@Autowired
	Supporters supporters;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	CryptoProperties properties;

	@Autowired
	Resealer resealer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void afterANewKeyIsPromotedResealLeavesNothingSealedWithTheOldOne() throws Exception {
		String email = SupportersTests.uniqueEmail();
		long id = this.supporters
			.register(new SupporterDetails(email, "Teresa Morales", "28052", null, Locale.forLanguageTag("es")));
		// An account: its id is a UUID string, not a number.
		String accountId = java.util.UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO accounts (id, email_index, email_sealed, language, created_at) "
					+ "VALUES (?, ?, ?, 'en', CURRENT_TIMESTAMP)")
			.params(accountId, accountId, this.cipher.seal(email, "accounts.email"))
			.update();
		KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(
				Files.readString(this.properties.keysDir().resolve("aead.json")), InsecureSecretKeyAccess.get());
		int oldKey = current.getPrimary().getId();
		assertThat(keyId(sealed(id, "email_sealed"))).isEqualTo(oldKey);

		KeysetHandle rotated = KeysetHandle.newBuilder(current)
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
				.withRandomId()
				.makePrimary())
			.build();
		int newKey = rotated.getPrimary().getId();
		PersonalDataCipher rotatedCipher = cipherWith(rotated);
		Resealer rotatedResealer = new Resealer(this.jdbc, this.resealer.columns(), rotatedCipher);
		try {
			// before reseal, the rotated keyset still opens old values
			assertThat(rotatedCipher.open(sealed(id, "email_sealed"), "supporters.email")).isEqualTo(email);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThat(rotatedResealer.resealAll(new PrintStream(out, true, StandardCharsets.UTF_8))).isPositive();
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("supporters.email_sealed")
				.contains("supporters.name_sealed")
				.contains("accounts.email_sealed")
				.contains("mail_outbox.body_sealed");
			assertThat(keyId(this.jdbc.sql("SELECT email_sealed FROM accounts WHERE id = ?")
				.param(accountId)
				.query(byte[].class)
				.single())).as("accounts.email_sealed").isEqualTo(newKey);

			for (String column : List.of("email_sealed", "name_sealed", "zip_sealed")) {
				assertThat(keyId(sealed(id, column))).as(column).isEqualTo(newKey);
			}
			assertThat(this.jdbc.sql("SELECT phone_sealed FROM supporters WHERE id = ?")
				.param(id)
				.query()
				.singleRow()
				.get("phone_sealed")).as("an absent value stays absent").isNull();
			assertThat(rotatedCipher.open(sealed(id, "name_sealed"), "supporters.name")).isEqualTo("Teresa Morales");
			// the old keyset alone can no longer open anything: the old key may be
			// deleted
			assertThatIllegalStateException()
				.isThrownBy(() -> this.cipher.open(sealed(id, "email_sealed"), "supporters.email"));
		}
		finally {
			// back to the key every other test uses: the old key primary again, reseal
			KeysetHandle.Builder back = KeysetHandle.newBuilder(rotated);
			for (int i = 0; i < rotated.size(); i++) {
				if (rotated.getAt(i).getId() == oldKey) {
					back.getAt(i).makePrimary();
				}
			}
			new Resealer(this.jdbc, this.resealer.columns(), cipherWith(back.build()))
				.resealAll(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		}
	}

	@Test
	void onlyPlainIdentifiersMakeASealedColumn() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SealedColumn("supporters; DROP TABLE supporters", "id", "x", "c"));
		assertThatIllegalArgumentException().isThrownBy(() -> new SealedColumn("supporters", "id", "x", " "));
		assertThat(this.resealer.columns()).extracting(SealedColumn::context)
			.contains("supporters.email", "supporters.name", "supporters.zip", "supporters.phone");
	}

	private byte[] sealed(long id, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM supporters WHERE id = ?")
			.param(id)
			.query((rs, n) -> rs.getBytes(1))
			.single();
	}

	/** Tink's prefix: one version byte, then the id of the key that sealed the value. */
	private static int keyId(byte[] sealed) {
		return ByteBuffer.wrap(sealed, 1, 4).getInt();
	}

	private PersonalDataCipher cipherWith(KeysetHandle aead) throws Exception {
		String json = TinkJsonProtoKeysetFormat.serializeKeyset(aead, InsecureSecretKeyAccess.get());
		return new TinkPersonalData(new TinkKeys(new CryptoProperties(json, null, null, this.properties.keysDir())));
	}

}
