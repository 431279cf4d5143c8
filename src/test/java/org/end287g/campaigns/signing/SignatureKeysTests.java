package org.end287g.campaigns.signing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures stored before the rules of e-mail identity changed get the key of the new
 * identity, so their signers still have one signature per petition.
 */
class SignatureKeysTests extends StaffTestSupport {

	@Autowired
	SignatureKeys keys;

	@Autowired
	Supporters supporters;

	@Test
	void oldKeysOfProvidersWithRulesAreRecomputedOnceAndNeverMergeTwoSignatures() {
		long id = gaston().id();
		String name = "ana" + UUID.randomUUID().toString().substring(0, 8);
		// signed with a +tag before: the key of the address as typed
		long tagged = oldSignature(id, name + "+petition@Outlook.com", true);
		// signed twice before, with and without a tag: both stay
		long plain = oldSignature(id, "bo." + name + "@proton.me", true);
		long twice = oldSignature(id, "bo." + name + "+x@proton.me", true);
		// a domain without rules of its own, and a row whose supporter is gone
		long other = oldSignature(id, name + "+x@example.org", true);
		long forgotten = oldSignature(id, name + "+x@icloud.com", false);

		SignatureKeys.Rekeyed done = this.keys.rekey();

		assertThat(key(tagged)).isEqualTo(this.index.ofEmail(name + "@outlook.com"));
		assertThat(key(plain)).isEqualTo(this.index.ofEmail("bo" + name + "@proton.me"));
		assertThat(key(twice)).isEqualTo(this.index.ofEmail("bo." + name + "+x@proton.me"));
		assertThat(key(other)).isEqualTo(this.index.ofEmail(name + "+x@example.org"));
		assertThat(key(forgotten)).isEqualTo(this.index.ofEmail(name + "+x@icloud.com"));
		assertThat(done.read()).isEqualTo(3);
		assertThat(done.changed()).isEqualTo(2);
		assertThat(done.kept()).isEqualTo(1);
		// the same again changes nothing
		assertThat(this.keys.rekey().changed()).isZero();
	}

	@Test
	void aMigrationAsksOnceAndTheRowIsDeletedWhenDone() {
		this.jdbc.sql("delete from identity_rekeys").update();
		this.jdbc.sql("insert into identity_rekeys (name, requested_at) values (?, ?)")
			.params(SignatureKeys.NAME, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		long id = gaston().id();
		long tagged = oldSignature(id, "cy" + UUID.randomUUID().toString().substring(0, 8) + "+a@pm.me", true);
		this.keys.rekeyWhenAsked();
		assertThat(this.keys.asked()).isFalse();
		assertThat(key(tagged)).isNotEqualTo(this.index.ofEmail(email(tagged)));
	}

	/** A signature as stored before: its key is the index of the address as typed. */
	private long oldSignature(long campaignId, String email, boolean withSupporter) {
		long supporter = this.supporters
			.register(new SupporterDetails(email, "Ana García", "28052", null, Locale.ENGLISH));
		Sig sig = sig().email(EmailAddresses.normalize(email));
		sig.supporter = withSupporter ? supporter : null;
		return signature(campaignId, sig);
	}

	private String key(long signature) {
		return this.jdbc.sql("select email_key from signatures where id = ?")
			.param(signature)
			.query(String.class)
			.single();
	}

	private String email(long signature) {
		return this.jdbc
			.sql("select p.email_sealed from signatures s join supporters p on p.id = s.supporter_id "
					+ "where s.id = ?")
			.param(signature)
			.query((rs, n) -> this.cipher.open(rs.getBytes(1), "supporters.email"))
			.single();
	}

}
