package org.end287g.privacy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Moves the rows of a database from before V32 to pseudonymous supporter keys, right
 * after V32 and before V37 drops the old columns, in the migration's transaction: SQL
 * alone cannot, the keys are the application's. For every supporter: the sealed list of
 * their holders (from their holds, signatures and registrations) and their holds under
 * their pseudonym within each holder; for every signature and registration: the pseudonym
 * instead of the supporter's id (and for a signature the id sealed), and
 * {@code email_key}, {@code email_domain_index} recomputed within the campaign or event.
 * A signature whose supporter is gone keeps no key at all. Tables are read a page at a
 * time. The formulas are those the modules use now ({@link JdbcSupporters#pseudonym},
 * {@link BlindIndex#ofIdentityWithin}, {@link BlindIndex#ofDomainWithin}, the context
 * {@code signatures.supporter}); it touches campaigns' and events' tables because a
 * migration is the database's, not one module's. A database migrated without this
 * callback (no keys) stops at V37's guards instead of losing the links.
 */
@Component
class PseudonymousSupporterKeys implements Callback {

	/** The migration this runs after. */
	static final String AFTER_VERSION = "32";

	private static final int PAGE = 1000;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	PseudonymousSupporterKeys(PersonalDataCipher cipher, BlindIndex index) {
		this.cipher = cipher;
		this.index = index;
	}

	/** Flyway also asks without a context, when it sorts its callbacks. */
	@Override
	public boolean supports(Event event, @Nullable Context context) {
		if (event != Event.AFTER_EACH_MIGRATE || context == null) {
			return false;
		}
		MigrationInfo migration = context.getMigrationInfo();
		return migration != null && migration.getVersion() != null
				&& AFTER_VERSION.equals(migration.getVersion().getVersion());
	}

	@Override
	public boolean canHandleInTransaction(Event event, @Nullable Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			convert(context.getConnection());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot move supporters to pseudonymous keys", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "pseudonymous-supporter-keys";
	}

	void convert(Connection connection) throws SQLException {
		Map<Long, SortedSet<String>> holders = new TreeMap<>();
		collect(connection, "SELECT supporter_id, holder FROM supporter_holds_v8", holders, "");
		collect(connection, "SELECT supporter_id, campaign_id FROM signatures WHERE supporter_id IS NOT NULL", holders,
				"campaign:");
		collect(connection, "SELECT supporter_id, event_id FROM event_registrations WHERE supporter_id IS NOT NULL",
				holders, "event:");
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE supporters SET holders_sealed = ? WHERE id = ?")) {
			for (Map.Entry<Long, SortedSet<String>> supporter : holders.entrySet()) {
				update.setBytes(1, this.cipher.seal(String.join("\n", supporter.getValue()), JdbcSupporters.HOLDERS));
				update.setLong(2, supporter.getKey());
				update.addBatch();
			}
			update.executeBatch();
		}
		moveHolds(connection);
		signatures(connection);
		registrations(connection);
	}

	private static void collect(Connection connection, String sql, Map<Long, SortedSet<String>> holders, String prefix)
			throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
			while (rs.next()) {
				holders.computeIfAbsent(rs.getLong(1), (id) -> new TreeSet<>()).add(prefix + rs.getString(2));
			}
		}
	}

	private void moveHolds(Connection connection) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT supporter_id, holder, created_at, ended_at FROM supporter_holds_v8");
				ResultSet rs = query.executeQuery();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO supporter_holds (holder, supporter_key, created_at, ended_at) VALUES (?, ?, ?, ?)")) {
			while (rs.next()) {
				String holder = rs.getString(2);
				insert.setString(1, holder);
				insert.setString(2, JdbcSupporters.pseudonym(this.index, rs.getLong(1), holder));
				insert.setObject(3, rs.getObject(3));
				insert.setObject(4, rs.getObject(4));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM supporter_holds_v8")) {
			delete.executeUpdate();
		}
	}

	private void signatures(Connection connection) throws SQLException {
		long after = 0;
		while (true) {
			List<Row> page = new ArrayList<>();
			try (PreparedStatement query = connection.prepareStatement("""
					SELECT s.id, s.campaign_id, s.supporter_id, s.email_domain_index, p.email_sealed
					FROM signatures s LEFT JOIN supporters p ON p.id = s.supporter_id
					WHERE s.id > ? AND (s.supporter_id IS NOT NULL OR s.email_key IS NOT NULL) ORDER BY s.id""")) {
				query.setLong(1, after);
				query.setMaxRows(PAGE);
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						page.add(new Row(rs.getLong(1), "campaign:" + rs.getLong(2), supporter(rs, 3),
								rs.getString(4) != null, this.cipher.open(rs.getBytes(5), "supporters.email")));
					}
				}
			}
			try (PreparedStatement update = connection.prepareStatement(
					"""
							UPDATE signatures SET email_key = ?, email_domain_index = ?, supporter_key = ?, supporter_sealed = ?,
								supporter_id = NULL WHERE id = ?""")) {
				for (Row row : page) {
					String email = row.email();
					Long supporter = row.supporter();
					if (email != null && supporter != null) {
						update.setString(1, this.index.ofIdentityWithin(row.holder(), email));
						update.setString(2, row.domain()
								? this.index.ofDomainWithin(row.holder(), EmailAddresses.domain(email)) : null);
						update.setString(3, JdbcSupporters.pseudonym(this.index, supporter, row.holder()));
						update.setBytes(4, this.cipher.seal(Long.toString(supporter), "signatures.supporter"));
					}
					else {
						// the supporter is gone: nothing can be recomputed, and no old
						// key stays
						update.setString(1, null);
						update.setString(2, null);
						update.setString(3, null);
						update.setBytes(4, null);
					}
					update.setLong(5, row.id());
					update.addBatch();
				}
				update.executeBatch();
			}
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	private void registrations(Connection connection) throws SQLException {
		long after = 0;
		while (true) {
			List<Row> page = new ArrayList<>();
			try (PreparedStatement query = connection.prepareStatement("""
					SELECT id, event_id, supporter_id, email_sealed FROM event_registrations
					WHERE id > ? AND (supporter_id IS NOT NULL OR email_key IS NOT NULL) ORDER BY id""")) {
				query.setLong(1, after);
				query.setMaxRows(PAGE);
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						page.add(new Row(rs.getLong(1), "event:" + rs.getLong(2), supporter(rs, 3), false,
								this.cipher.open(rs.getBytes(4), "event_registrations.email")));
					}
				}
			}
			try (PreparedStatement update = connection.prepareStatement(
					"UPDATE event_registrations SET email_key = ?, supporter_key = ?, supporter_id = NULL WHERE id = ?")) {
				for (Row row : page) {
					String email = row.email();
					Long supporter = row.supporter();
					update.setString(1, (email != null) ? this.index.ofIdentityWithin(row.holder(), email) : null);
					update.setString(2,
							(supporter != null) ? JdbcSupporters.pseudonym(this.index, supporter, row.holder()) : null);
					update.setLong(3, row.id());
					update.addBatch();
				}
				update.executeBatch();
			}
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	private static @Nullable Long supporter(ResultSet rs, int column) throws SQLException {
		long id = rs.getLong(column);
		return rs.wasNull() ? null : id;
	}

	/** A row to move: its id, holder, supporter, whether it had a domain, the address. */
	private record Row(long id, String holder, @Nullable Long supporter, boolean domain, @Nullable String email) {
	}

}
