package org.end287g.campaigns.signing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.TestAccounts;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.TestCampaigns;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.tracker.TrackerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * What the tests of staff, delivery and outcome share: the tracker fixture with its
 * campaigns, signatures written straight into the tables (sealed like the signing form
 * seals them), real leader and admin accounts.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class StaffTestSupport {

	public static final String GASTON = "nc-gaston-county-sheriffs-office";

	protected static final String HOSTILE_RTL = "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD";

	protected static final String EMOJI = "Ana \uD83C\uDF89\uD83D\uDC4D\uD83C\uDFFD";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected PersonalDataCipher cipher;

	@Autowired
	protected BlindIndex index;

	@Autowired
	protected Campaigns campaigns;

	@Autowired
	protected TestAccounts accounts;

	@Autowired
	protected AccountDirectory directory;

	@BeforeEach
	protected void campaignsOfTheFixture() {
		clear(this.jdbc);
		TestCampaigns.clear(this.jdbc);
		new TrackerFixture(this.jdbc).load("COMMAND");
		this.campaigns.createMissing();
	}

	@AfterEach
	protected void clearWhatOtherTestsDoNotExpect() {
		clear(this.jdbc);
	}

	public static void clear(JdbcClient jdbc) {
		for (String table : new String[] { "signatures", "signature_invalidations", "signature_counts",
				"campaign_deliveries" }) {
			jdbc.sql("delete from " + table).update();
		}
	}

	protected Campaign gaston() {
		return this.campaigns.find(GASTON).orElseThrow();
	}

	/** Adds to the campaign's count, as the signing part does on confirmation. */
	protected void count(long campaignId, int shard, long n) {
		this.jdbc.sql("insert into signature_counts (campaign_id, shard, confirmed) values (?, ?, ?)")
			.params(campaignId, shard, n)
			.update();
	}

	/** A signature row; returns its id. */
	protected long signature(long campaignId, Sig sig) {
		this.jdbc.sql("""
				insert into signatures (campaign_id, supporter_sealed, email_key, email_domain_index, first_name_sealed,
				last_name_sealed, zip_sealed, comment_sealed, language, source, entered_by, show_publicly,
				campaign_updates, comment_hidden, client_hash, created_at, confirmed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?)""")
			.params(campaignId,
					(sig.supporter != null) ? this.cipher.seal(sig.supporter.toString(), "signatures.supporter") : null,
					(sig.email != null) ? this.index.ofIdentityWithin("campaign:" + campaignId, sig.email) : null,
					(sig.email != null) ? this.index.ofDomainWithin("campaign:" + campaignId,
							sig.email.substring(sig.email.indexOf('@') + 1)) : null,
					seal(sig.first, "first_name"), seal(sig.last, "last_name"), seal(sig.zip, "zip"),
					seal(sig.comment, "comment"), sig.language, sig.paper ? "PAPER" : "ONLINE",
					sig.paper ? "leader-1" : null, sig.updates, sig.hidden, sig.client, sig.at,
					sig.confirmed ? sig.at.plusMinutes(1) : null)
			.update();
		return this.jdbc.sql("select max(id) from signatures").query(Long.class).single();
	}

	protected byte[] seal(String value, String column) {
		return this.cipher.seal(value, "signatures." + column);
	}

	/** A signature's values, with defaults. */
	protected static final class Sig {

		String first = "Ana";

		String last = "García";

		String zip = "28052";

		String comment;

		String email = "ana-" + UUID.randomUUID() + "@example.org";

		public String language = "en";

		String client = "client-hash-1";

		boolean confirmed = true;

		boolean hidden;

		public boolean updates;

		boolean paper;

		public Long supporter;

		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);

		public Sig name(String first, String last) {
			this.first = first;
			this.last = last;
			return this;
		}

		/** A ZIP code: the city shown is the ZIP code's, worked out when shown. */
		public Sig zip(String zip) {
			this.zip = zip;
			return this;
		}

		public Sig comment(String comment, boolean hidden) {
			this.comment = comment;
			this.hidden = hidden;
			return this;
		}

		public Sig email(String email) {
			this.email = email;
			return this;
		}

		public Sig at(OffsetDateTime at) {
			this.at = at;
			return this;
		}

		public Sig client(String client) {
			this.client = client;
			return this;
		}

		public Sig unconfirmed() {
			this.confirmed = false;
			return this;
		}

	}

	protected static Sig sig() {
		return new Sig();
	}

	/** A real leader of the campaign, signed in. */
	protected RequestPostProcessor leaderOf(long campaignId) {
		String email = "leader-" + UUID.randomUUID() + "@example.org";
		String id = this.directory.appointLeader("test-admin", email, "Leader", "en", campaignId).orElseThrow();
		return user(id).roles("LEADER");
	}

	/**
	 * A real admin account, signed in with a passkey (the grant is what the page checks).
	 */
	protected RequestPostProcessor realAdmin() {
		String email = "admin-" + UUID.randomUUID() + "@example.org";
		String id = this.accounts.admin(email, "Admin");
		return user(id).authorities(
				new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"),
				org.springframework.security.core.authority.FactorGrantedAuthority.fromAuthority(
						org.springframework.security.core.authority.FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
	}

	protected String html(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	protected long auditCount(String action) {
		return this.jdbc.sql("select count(*) from audit_log where action = ?")
			.param(action)
			.query(Long.class)
			.single();
	}

}
