package org.end287g.accounts.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

	public record Entry(long id, OffsetDateTime at, String actor, String actorName, String action, String subject,
			String subjectName, String details) {

	}

	public record Page(List<Entry> entries, int number, boolean hasNext) {

		public boolean hasPrevious() {
			return this.number > 1;
		}

	}

	List<String> actions() {
		return this.jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action").query(String.class).list();
	}

	Page page(String action, int number) {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT id, at, actor, action, subject, details FROM audit_log
				WHERE (CAST(? AS VARCHAR(64)) IS NULL OR action = ?)
				ORDER BY id DESC LIMIT ? OFFSET ?""")
			.params(action, action, PAGE_SIZE + 1, (long) (number - 1) * PAGE_SIZE)
			.query()
			.listOfRows();
		boolean hasNext = rows.size() > PAGE_SIZE;
		List<Map<String, Object>> shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
		Set<String> ids = new TreeSet<>();
		shown.forEach((row) -> {
			ids.add((String) row.get("actor"));
			if (row.get("subject") != null) {
				ids.add((String) row.get("subject"));
			}
		});
		Map<String, String> names = new HashMap<>();
		ids.stream()
			.filter((id) -> id.length() == 36)
			.forEach((id) -> this.store.byId(id).map(Account::name).ifPresent((name) -> names.put(id, name)));
		List<Entry> entries = shown.stream()
			.map((row) -> new Entry(((Number) row.get("id")).longValue(), at(row.get("at")), (String) row.get("actor"),
					names.get(row.get("actor")), (String) row.get("action"), (String) row.get("subject"),
					names.get(row.get("subject")), (String) row.get("details")))
			.toList();
		return new Page(entries, number, hasNext);
	}

	private static OffsetDateTime at(Object value) {
		if (value instanceof OffsetDateTime offset) {
			return offset;
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
		}
		if (value instanceof java.time.Instant instant) {
			return instant.atOffset(java.time.ZoneOffset.UTC);
		}
		return null;
	}

}
