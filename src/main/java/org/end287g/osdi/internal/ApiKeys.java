package org.end287g.osdi.internal;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.end287g.audit.AuditLog;
import org.end287g.privacy.BlindIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's API keys: made by staff and shown once, stored as a keyed hash (a
 * dump holds no usable key), revoked and never deleted, every change audited.
 */
@Component
class ApiKeys {

	/** What every key starts with, so a leaked one is recognised by secret scanners. */
	static final String PREFIX = "e287g_";

	static final int MAX_LABEL = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final BlindIndex index;

	private final AuditLog audit;

	ApiKeys(JdbcClient jdbc, BlindIndex index, AuditLog audit) {
		this.jdbc = jdbc;
		this.index = index;
		this.audit = audit;
	}

	/** A key as staff see it: never the key itself. */
	record ApiKey(long id, String prefix, String label, OffsetDateTime createdAt, @Nullable OffsetDateTime lastUsedAt,
			@Nullable OffsetDateTime revokedAt) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

	/** Whose key a request presented. */
	record KeyHolder(long keyId, long organizationId) {
	}

	/** Makes a key for the organization; returns the key, to be shown once. */
	@Transactional
	String create(long organizationId, String label, String actor) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.jdbc.sql("""
				insert into osdi_api_keys (organization_id, key_hash, key_prefix, label, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(organizationId, hash(key), key.substring(0, 12), label, now(), actor)
			.update();
		this.audit.record(actor, "osdi.key.create", "organization:" + organizationId, key.substring(0, 12));
		return key;
	}

	/** Revokes a key of this organization; false when it has no such active key. */
	@Transactional
	boolean revoke(long organizationId, long keyId, String actor) {
		int revoked = this.jdbc.sql("""
				update osdi_api_keys set revoked_at = ?, revoked_by = ?
				where id = ? and organization_id = ? and revoked_at is null""")
			.params(now(), actor, keyId, organizationId)
			.update();
		if (revoked > 0) {
			this.audit.record(actor, "osdi.key.revoke", "organization:" + organizationId, "key:" + keyId);
		}
		return revoked > 0;
	}

	List<ApiKey> of(long organizationId) {
		return this.jdbc.sql("""
				select id, key_prefix, label, created_at, last_used_at, revoked_at from osdi_api_keys
				where organization_id = ? order by created_at desc, id desc""")
			.param(organizationId)
			.query((rs, n) -> new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
					rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	/** The active key this is, found by its hash; empty for any other text. */
	Optional<KeyHolder> holder(String key) {
		if (!key.startsWith(PREFIX) || key.length() > 100) {
			return Optional.empty();
		}
		Optional<KeyHolder> holder = this.jdbc
			.sql("select id, organization_id from osdi_api_keys where key_hash = ? and revoked_at is null")
			.param(hash(key))
			.query((rs, n) -> new KeyHolder(rs.getLong(1), rs.getLong(2)))
			.optional();
		holder.ifPresent((found) -> this.jdbc.sql("update osdi_api_keys set last_used_at = ? where id = ?")
			.params(now(), found.keyId())
			.update());
		return holder;
	}

	private String hash(String key) {
		return this.index.of("osdi-api-key", key);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
