package org.end287g.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.end287g.accounts.Roles;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts, organizations, role grants and devices tables. Addresses and names are
 * sealed before they reach the database and found by their blind index.
 */
@Component
class AccountStore {

	static final String EMAIL = "accounts.email";

	static final String NAME = "accounts.name";

	private static final String GRANT_COLUMNS = """
			g.id, g.account_id, g.role, g.organization_id, o.name AS organization_name, g.campaign_id,
			g.granted_by, g.granted_at, g.revoked_at, g.revoked_by
			FROM role_grants g LEFT JOIN organizations o ON o.id = g.organization_id""";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final Clock clock = Clock.systemUTC();

	AccountStore(JdbcClient jdbc, PersonalDataCipher cipher, BlindIndex index) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	public Optional<Account> byEmail(String email) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE email_index = ?")
			.param(this.index.ofEmail(EmailAddresses.normalize(email)))
			.query(this::account)
			.optional();
	}

	public Optional<Account> byId(@Nullable String id) {
		if (id == null || id.length() > 36) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT * FROM accounts WHERE id = ?").param(id).query(this::account).optional();
	}

	public List<Account> all() {
		return this.jdbc.sql("SELECT * FROM accounts ORDER BY created_at, id").query(this::account).list();
	}

	/**
	 * The account of this address, created when absent. Safe when two requests (or two
	 * instances) create the same account at once: the unique blind index keeps one, and
	 * both callers get it.
	 */
	@Transactional
	public Account findOrCreate(String email, @Nullable String name, String language) {
		String normalized = EmailAddresses.normalize(email);
		Optional<Account> existing = byEmail(normalized);
		if (existing.isPresent()) {
			return existing.get();
		}
		this.jdbc.sql("""
				INSERT INTO accounts (id, email_index, email_sealed, name_sealed, language, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(UUID.randomUUID().toString(), this.index.ofEmail(normalized), this.cipher.seal(normalized, EMAIL))
			.param(this.cipher.seal(name, NAME))
			.params(language, now())
			.update();
		return byEmail(normalized).orElseThrow();
	}

	/**
	 * Locks the account's row until the transaction ends (grants change one at a time).
	 */
	void lock(String accountId) {
		this.jdbc.sql("SELECT id FROM accounts WHERE id = ? FOR UPDATE").param(accountId).query(String.class).list();
	}

	void update(String accountId, String name, String language) {
		this.jdbc.sql("UPDATE accounts SET name_sealed = ?, language = ? WHERE id = ?")
			.params(this.cipher.seal(name, NAME), language, accountId)
			.update();
	}

	void signedIn(String accountId) {
		this.jdbc.sql("UPDATE accounts SET last_sign_in_at = ? WHERE id = ?").params(now(), accountId).update();
	}

	boolean disable(String accountId) {
		return this.jdbc.sql("UPDATE accounts SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL")
			.params(now(), accountId)
			.update() == 1;
	}

	/** Drops the address and name; the row stays for the history that refers to it. */
	void forget(String accountId) {
		this.jdbc.sql("""
				UPDATE accounts SET email_index = NULL, email_sealed = NULL, name_sealed = NULL,
					disabled_at = COALESCE(disabled_at, ?) WHERE id = ?""").params(now(), accountId).update();
		this.jdbc.sql("DELETE FROM account_devices WHERE account_id = ?").param(accountId).update();
	}

	public List<Grant> activeGrants(String accountId) {
		return this.jdbc
			.sql("SELECT " + GRANT_COLUMNS
					+ " WHERE g.account_id = ? AND g.revoked_at IS NULL ORDER BY g.granted_at, g.id")
			.param(accountId)
			.query(AccountStore::grant)
			.list();
	}

	public List<Grant> grants(String accountId) {
		return this.jdbc
			.sql("SELECT " + GRANT_COLUMNS + " WHERE g.account_id = ? ORDER BY g.granted_at DESC, g.id DESC")
			.param(accountId)
			.query(AccountStore::grant)
			.list();
	}

	Optional<Grant> grant(long grantId) {
		return this.jdbc.sql("SELECT " + GRANT_COLUMNS + " WHERE g.id = ?")
			.param(grantId)
			.query(AccountStore::grant)
			.optional();
	}

	boolean hasActiveGrant(String accountId, Roles role, @Nullable Long organizationId, @Nullable Long campaignId) {
		return activeGrants(accountId).stream()
			.anyMatch((grant) -> grant.role() == role && Objects.equals(grant.organizationId(), organizationId)
					&& Objects.equals(grant.campaignId(), campaignId));
	}

	long addGrant(String accountId, Roles role, @Nullable Long organizationId, @Nullable Long campaignId,
			String grantedBy) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO role_grants (account_id, role, organization_id, campaign_id, granted_by, granted_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(accountId, role.name())
			.param(organizationId)
			.param(campaignId)
			.params(grantedBy, now())
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Number.class), "the insert returned no id").longValue();
	}

	boolean revokeGrant(long grantId, String revokedBy) {
		return this.jdbc
			.sql("UPDATE role_grants SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(now(), revokedBy, grantId)
			.update() == 1;
	}

	boolean anyActiveAdmin() {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM role_grants g JOIN accounts a ON a.id = g.account_id
				WHERE g.role = 'ADMIN' AND g.revoked_at IS NULL AND a.disabled_at IS NULL""")
			.query(Long.class)
			.single() > 0;
	}

	/** Active accounts holding an active grant in this organization. */
	List<Grant> organizationGrants(long organizationId) {
		return this.jdbc.sql("SELECT " + GRANT_COLUMNS + """
				 JOIN accounts a ON a.id = g.account_id
				WHERE g.organization_id = ? AND g.revoked_at IS NULL AND a.disabled_at IS NULL
				ORDER BY g.granted_at, g.id""").param(organizationId).query(AccountStore::grant).list();
	}

	public List<Organization> organizations() {
		return this.jdbc.sql("SELECT id, name, created_at FROM organizations ORDER BY name_key")
			.query((rs, row) -> new Organization(rs.getLong("id"), rs.getString("name"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	public Optional<Organization> organization(long id) {
		return this.jdbc.sql("SELECT id, name, created_at FROM organizations WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Organization(rs.getLong("id"), rs.getString("name"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.optional();
	}

	/**
	 * Whether a campaign with this id exists (the campaigns module owns the table; a
	 * LEADER grant must name a real campaign, which the foreign key enforces too).
	 */
	public boolean campaignExists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM campaigns WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	/** The titles of these campaigns, by id (ids of no campaign are left out). */
	public java.util.Map<Long, String> campaignTitles(java.util.Collection<Long> ids) {
		java.util.Map<Long, String> titles = new java.util.TreeMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT id, title FROM campaigns WHERE id IN (:ids)")
				.param("ids", List.copyOf(ids))
				.query((rs, row) -> titles.put(rs.getLong("id"), rs.getString("title")))
				.list();
		}
		return titles;
	}

	/** Two names that differ only in case or spacing are the same organization. */
	static String nameKey(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	/** The new organization's id, or empty when one of that name exists. */
	@Transactional
	Optional<Long> createOrganization(String name, String createdBy) {
		String key = nameKey(name);
		int inserted = this.jdbc.sql("""
				INSERT INTO organizations (name, name_key, created_at, created_by) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(name.strip(), key, now(), createdBy).update();
		if (inserted == 0) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id FROM organizations WHERE name_key = ?").param(key).query(Long.class).optional();
	}

	/** True when this browser was already known for this account; remembers it. */
	boolean seenDevice(String accountId, String deviceHash) {
		OffsetDateTime now = now();
		int updated = this.jdbc.sql("UPDATE account_devices SET last_seen = ? WHERE account_id = ? AND device_hash = ?")
			.params(now, accountId, deviceHash)
			.update();
		if (updated == 1) {
			return true;
		}
		this.jdbc.sql("""
				INSERT INTO account_devices (account_id, device_hash, first_seen, last_seen) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(accountId, deviceHash, now, now).update();
		return false;
	}

	int deviceCount(String accountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM account_devices WHERE account_id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	private Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getString("id"), this.cipher.open(rs.getBytes("email_sealed"), EMAIL),
				this.cipher.open(rs.getBytes("name_sealed"), NAME), rs.getString("language"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_sign_in_at", OffsetDateTime.class),
				rs.getObject("disabled_at", OffsetDateTime.class));
	}

	private static Grant grant(ResultSet rs, int row) throws SQLException {
		return new Grant(rs.getLong("id"), rs.getString("account_id"), Roles.valueOf(rs.getString("role")),
				rs.getObject("organization_id", Long.class), rs.getString("organization_name"),
				rs.getObject("campaign_id", Long.class), rs.getString("granted_by"),
				rs.getObject("granted_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
				rs.getString("revoked_by"));
	}

}
