package org.end287g.osdi.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.end287g.audit.AuditLog;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's webhook: its address and the secret that signs deliveries (sealed,
 * shown to staff once). Registering again replaces both; from then on only what is shared
 * afterwards is sent (the past is read through the API).
 */
@Component
class Webhooks {

	static final String SECRET = "osdi_webhooks.secret";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	Webhooks(JdbcClient jdbc, PersonalDataCipher cipher, AuditLog audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** A registered webhook. */
	record Webhook(long organizationId, String url, OffsetDateTime createdAt, OffsetDateTime signaturesSeenUntil,
			OffsetDateTime attendancesSeenUntil) {
	}

	/** Registers (or replaces) the organization's webhook; returns its new secret. */
	@Transactional
	String register(long organizationId, URI url, String actor) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = HexFormat.of().formatHex(random);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("delete from osdi_webhooks where organization_id = ?").param(organizationId).update();
		this.jdbc.sql("""
				insert into osdi_webhooks (organization_id, url, secret_sealed, signatures_seen_until,
					attendances_seen_until, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(organizationId, url.toString(), this.cipher.seal(secret, SECRET), now, now, now, actor)
			.update();
		this.audit.record(actor, "osdi.webhook.register", "organization:" + organizationId, url.getHost());
		return secret;
	}

	@Transactional
	void remove(long organizationId, String actor) {
		if (this.jdbc.sql("delete from osdi_webhooks where organization_id = ?").param(organizationId).update() > 0) {
			this.audit.record(actor, "osdi.webhook.remove", "organization:" + organizationId, null);
		}
	}

	Optional<Webhook> of(long organizationId) {
		return this.jdbc.sql(
				"select organization_id, url, created_at, signatures_seen_until, attendances_seen_until from osdi_webhooks"
						+ " where organization_id = ?")
			.param(organizationId)
			.query((rs, n) -> new Webhook(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
			.optional();
	}

	List<Webhook> all() {
		return this.jdbc.sql(
				"select organization_id, url, created_at, signatures_seen_until, attendances_seen_until from osdi_webhooks order by 1")
			.query((rs, n) -> new Webhook(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	Optional<String> secret(long organizationId) {
		return this.jdbc.sql("select secret_sealed from osdi_webhooks where organization_id = ?")
			.param(organizationId)
			.query((rs, n) -> this.cipher.open(rs.getBytes(1), SECRET))
			.optional();
	}

	/** The outbox has looked for new signatures up to here. */
	void seenSignaturesUntil(long organizationId, OffsetDateTime at) {
		seenUntil("signatures_seen_until", organizationId, at);
	}

	/** The outbox has looked for new attendances up to here. */
	void seenAttendancesUntil(long organizationId, OffsetDateTime at) {
		seenUntil("attendances_seen_until", organizationId, at);
	}

	private void seenUntil(String column, long organizationId, OffsetDateTime at) {
		this.jdbc.sql("update osdi_webhooks set " + column + " = ? where organization_id = ? and " + column + " < ?")
			.params(at, organizationId, at)
			.update();
	}

	/** The sealed secrets, for {@code reseal}. */
	@Configuration(proxyBeanMethods = false)
	static class Columns {

		@Bean
		SealedColumn osdiWebhookSecret() {
			return new SealedColumn("osdi_webhooks", "organization_id", "secret_sealed", SECRET);
		}

	}

}
