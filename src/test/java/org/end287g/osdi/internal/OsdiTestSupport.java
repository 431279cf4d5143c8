package org.end287g.osdi.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.end287g.campaigns.signing.StaffTestSupport;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * What the OSDI tests share: the tracker's campaigns, organizations, keys, and signatures
 * of real supporters shared (or not) with an organization. Webhooks may use plain http to
 * this machine, and are sent only when a test runs a round.
 */
@SpringBootTest(properties = { "end287g.osdi.webhook-local-http=true", "end287g.osdi.webhook-timeout=1s",
		"end287g.osdi.webhook-interval=1h", "end287g.osdi.webhook-backoff=1m", "end287g.osdi.webhook-attempts=3" })
@AutoConfigureMockMvc
abstract class OsdiTestSupport extends StaffTestSupport {

	@Autowired
	ApiKeys keys;

	@Autowired
	Supporters supporters;

	@BeforeEach
	@AfterEach
	void noOsdiRows() {
		for (String table : new String[] { "osdi_deliveries", "osdi_webhooks", "osdi_api_keys", "signature_shares",
				"campaign_partner_organizations", "registration_shares", "event_partner_organizations" }) {
			this.jdbc.sql("delete from " + table).update();
		}
	}

	long organization(String name) {
		String unique = name + " " + UUID.randomUUID();
		this.jdbc.sql("insert into organizations (name, name_key, created_at, created_by) values (?, ?, ?, 'test')")
			.params(unique, unique.toLowerCase(Locale.ROOT), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return this.jdbc.sql("select id from organizations where name = ?").param(unique).query(Long.class).single();
	}

	/**
	 * A confirmed signature of a real supporter on Gaston's campaign, shared with these.
	 */
	long signed(String first, String last, String email, boolean confirmed, long... sharedWith) {
		long supporter = this.supporters
			.register(new SupporterDetails(email, first + " " + last, "28052", null, Locale.ENGLISH));
		Sig sig = sig().name(first, last).email(email).zip("28052");
		sig.supporter = supporter;
		long id = signature(gaston().id(), confirmed ? sig : sig.unconfirmed());
		for (long organization : sharedWith) {
			this.jdbc.sql("insert into signature_shares (signature_id, organization_id, created_at) values (?, ?, ?)")
				.params(id, organization, OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		return id;
	}

}
