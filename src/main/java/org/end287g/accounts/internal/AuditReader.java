package org.end287g.accounts.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log for the admin page, newest first, with the names of the accounts it
 * mentions (decrypted, while the account still has one). There is no way to change or
 * delete an entry, here or anywhere.
 */
@Component
class AuditReader {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final AccountStore store;

	AuditReader(JdbcClient jdbc, AccountStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	public record Entry(long id, OffsetDateTime at, String actor, @Nullable String actorName, String action,
			@Nullable String subject, @Nullable String subjectName, @Nullable String details) {

		Entry named(Map<String, String> names) {
			return new Entry(this.id, this.at, this.actor, names.get(this.actor), this.action, this.subject,
					(this.subject != null) ? names.get(this.subject) : null, this.details);
		}

	}

	public record Page(List<Entry> entries, int number, boolean hasNext) {

		public boolean hasPrevious() {
			return this.number > 1;
		}

	}

	List<String> actions() {
		return this.jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action")
			.query((rs, row) -> rs.getString("action"))
			.list();
	}

	Page page(@Nullable String action, int number) {
		List<Entry> rows = this.jdbc.sql("""
				SELECT id, at, actor, action, subject, details FROM audit_log
				WHERE (CAST(? AS VARCHAR(64)) IS NULL OR action = ?)
				ORDER BY id DESC LIMIT ? OFFSET ?""")
			.param(action)
			.param(action)
			.params(PAGE_SIZE + 1, (long) (number - 1) * PAGE_SIZE)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
					rs.getString("actor"), null, rs.getString("action"), rs.getString("subject"), null,
					rs.getString("details")))
			.list();
		boolean hasNext = rows.size() > PAGE_SIZE;
		List<Entry> shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
		Set<String> ids = new TreeSet<>();
		shown.forEach((entry) -> {
			ids.add(entry.actor());
			if (entry.subject() != null) {
				ids.add(entry.subject());
			}
		});
		Map<String, String> names = new HashMap<>();
		ids.stream()
			.filter((id) -> id.length() == 36)
			.forEach((id) -> this.store.byId(id).map(Account::name).ifPresent((name) -> names.put(id, name)));
		return new Page(shown.stream().map((entry) -> entry.named(names)).toList(), number, hasNext);
	}

}
