package org.end287g.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.EmailAddresses;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.PersonalDataHolder;
import org.end287g.privacy.Supporter;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.SupporterForgotten;
import org.end287g.privacy.Supporters;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supporters in the {@code supporters} table, every personal value sealed under its
 * column's name and found only by the blind index of the e-mail address. A supporter's
 * holds ({@code supporter_holds}) name the supporter only by their pseudonym within the
 * holder; the supporter's row keeps the sealed list of its holders, which is how the
 * application (and only the application) finds them. Also the "supporter" section of the
 * "my data" page.
 */
@Component
class JdbcSupporters implements Supporters, PersonalDataHolder {

	static final String SECTION = "supporter";

	static final int MAX_NAME = 200;

	static final int MAX_HOLDER = 64;

	private static final Pattern ZIP = Pattern.compile("[0-9]{5}");

	private static final Pattern PHONE = Pattern.compile("[0-9+().\\- ]{7,32}");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private static final String INSERT = """
			INSERT INTO supporters (email_index, email_sealed, name_sealed, zip_sealed, phone_sealed,
				language, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

	private static final String INSERT_HOLD = "INSERT INTO supporter_holds (holder, supporter_key, created_at) "
			+ "VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

	/** The context of the sealed list of a supporter's holders. */
	static final String HOLDERS = "supporters.holders";

	/** Values per IN list. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JdbcSupporters(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher, BlindIndex index,
			ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.cipher = cipher;
		this.index = index;
		this.events = events;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	@Transactional
	public long register(SupporterDetails details) {
		Checked row = checked(details);
		String email = row.email();
		String name = row.name();
		String zip = row.zip();
		String phone = row.phone();
		String language = row.language();
		String emailIndex = row.index();
		OffsetDateTime now = now();
		KeyHolder key = new GeneratedKeyHolder();
		int inserted;
		try {
			// ON CONFLICT without a target: the only unique key besides the generated id
			// is email_index (and H2 accepts only this form)
			inserted = this.jdbc.sql(INSERT)
				.params(emailIndex, seal(email, "email"))
				.param(seal(name, "name"))
				.param(seal(zip, "zip"))
				.param(seal(phone, "phone"))
				.params(language, now, now)
				.update(key, "id");
		}
		catch (DuplicateKeyException raced) {
			// H2 reports a concurrent insert of the same key instead of skipping it
			inserted = 0;
		}
		if (inserted == 1) {
			// a new supporter: its id came back with the insert
			return Objects.requireNonNull(key.getKeyAs(Number.class), "the insert returned no id").longValue();
		}
		update(emailIndex, email, name, zip, phone, language, now);
		return this.jdbc.sql("SELECT id FROM supporters WHERE email_index = ?")
			.param(emailIndex)
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional
	public List<Long> registerAll(List<SupporterDetails> details) {
		List<Checked> rows = details.stream().map(this::checked).toList();
		OffsetDateTime now = now();
		int[][] inserted;
		try {
			inserted = this.template.batchUpdate(INSERT, rows, rows.size(), (statement, row) -> {
				statement.setString(1, row.index());
				statement.setBytes(2, seal(row.email(), "email"));
				statement.setBytes(3, seal(row.name(), "name"));
				statement.setBytes(4, seal(row.zip(), "zip"));
				statement.setBytes(5, seal(row.phone(), "phone"));
				statement.setString(6, row.language());
				statement.setObject(7, now);
				statement.setObject(8, now);
			});
		}
		catch (DuplicateKeyException raced) {
			// H2 reports a concurrent insert of the same key instead of skipping it
			return details.stream().map(this::register).toList();
		}
		Map<String, Long> ids = new LinkedHashMap<>();
		Set<String> updated = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			Checked row = rows.get(i);
			if (inserted[0][i] == 0 && updated.add(row.index())) {
				// known already: given values replace the stored ones, as register does
				update(row.index(), row.email(), row.name(), row.zip(), row.phone(), row.language(), now);
			}
		}
		List<String> indexes = rows.stream().map(Checked::index).distinct().toList();
		this.jdbc
			.sql("SELECT id, email_index FROM supporters WHERE email_index IN ("
					+ String.join(", ", Collections.nCopies(indexes.size(), "?")) + ")")
			.params(new ArrayList<Object>(indexes))
			.query((RowCallbackHandler) (rs) -> ids.put(rs.getString("email_index"), rs.getLong("id")));
		return rows.stream().map((row) -> ids.get(row.index())).toList();
	}

	@Override
	@Transactional
	public void holdAll(Collection<Long> supporterIds, String holder) {
		String checked = holder(holder);
		List<Long> ids = supporterIds.stream().distinct().sorted().toList();
		if (ids.isEmpty()) {
			return;
		}
		// each supporter's own list of holders, locked in id order: two transactions that
		// add holders to one supporter take turns, and never lock in opposite orders
		Map<Long, SortedSet<String>> lists = new LinkedHashMap<>();
		for (List<Long> chunk : chunks(ids)) {
			this.jdbc
				.sql("SELECT id, holders_sealed FROM supporters WHERE id IN (" + marks(chunk.size())
						+ ") ORDER BY id FOR UPDATE")
				.params(new ArrayList<Object>(chunk))
				.query((RowCallbackHandler) (rs) -> lists.put(rs.getLong(1), holders(rs.getBytes(2))));
		}
		if (lists.size() != ids.size()) {
			throw new IllegalArgumentException("No such supporter");
		}
		List<Object[]> added = new ArrayList<>();
		lists.forEach((id, holders) -> {
			if (holders.add(checked)) {
				added.add(new Object[] { sealHolders(holders), id });
			}
		});
		if (!added.isEmpty()) {
			this.template.batchUpdate("UPDATE supporters SET holders_sealed = ? WHERE id = ?", added);
		}
		List<String> keys = ids.stream().map((id) -> pseudonym(id, checked)).toList();
		OffsetDateTime now = now();
		int[][] inserted = this.template.batchUpdate(INSERT_HOLD, keys, keys.size(), (statement, key) -> {
			statement.setString(1, checked);
			statement.setString(2, key);
			statement.setObject(3, now);
		});
		for (int i = 0; i < keys.size(); i++) {
			if (inserted[0][i] == 0) {
				this.jdbc.sql("UPDATE supporter_holds SET ended_at = NULL WHERE holder = ? AND supporter_key = ?")
					.params(checked, keys.get(i))
					.update();
			}
		}
	}

	@Override
	public String pseudonym(long supporterId, String holder) {
		return pseudonym(this.index, supporterId, holder(holder));
	}

	/** A supporter's pseudonym within a holder: the one formula, also for migrations. */
	static String pseudonym(BlindIndex index, long supporterId, String holder) {
		return index.within(holder, "supporter", Long.toString(supporterId));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> pseudonyms(String emailIndex) {
		return this.jdbc.sql("SELECT id, holders_sealed FROM supporters WHERE email_index = ?")
			.param(emailIndex)
			.query((rs, n) -> pseudonyms(rs.getLong("id"), holders(rs.getBytes("holders_sealed"))))
			.optional()
			.orElse(Map.of());
	}

	/** The supporter's pseudonym within each of these holders, by holder. */
	Map<String, String> pseudonyms(long supporterId, Collection<String> holders) {
		Map<String, String> pseudonyms = new LinkedHashMap<>();
		for (String holder : holders) {
			pseudonyms.put(holder, pseudonym(supporterId, holder));
		}
		return pseudonyms;
	}

	/** The holders a sealed list names, sorted; empty for none. */
	SortedSet<String> holders(byte @Nullable [] sealed) {
		SortedSet<String> holders = new TreeSet<>();
		String list = this.cipher.open(sealed, HOLDERS);
		if (list != null) {
			for (String holder : list.split("\n")) {
				if (!holder.isEmpty()) {
					holders.add(holder);
				}
			}
		}
		return holders;
	}

	private byte @Nullable [] sealHolders(Collection<String> holders) {
		return this.cipher.seal(String.join("\n", holders), HOLDERS);
	}

	/**
	 * Of these pseudonyms, those whose hold is open or ended at or after the cut-off.
	 */
	Set<String> holding(Collection<String> pseudonyms, OffsetDateTime cutoff) {
		Set<String> holding = new HashSet<>();
		for (List<String> chunk : chunks(List.copyOf(pseudonyms))) {
			List<Object> params = new ArrayList<>(chunk);
			params.add(cutoff);
			this.jdbc
				.sql("SELECT supporter_key FROM supporter_holds WHERE supporter_key IN (" + marks(chunk.size())
						+ ") AND (ended_at IS NULL OR ended_at >= ?)")
				.params(params)
				.query((RowCallbackHandler) (rs) -> holding.add(rs.getString(1)));
		}
		return holding;
	}

	static <T> List<List<T>> chunks(List<T> values) {
		List<List<T>> chunks = new ArrayList<>();
		for (int start = 0; start < values.size(); start += CHUNK) {
			chunks.add(values.subList(start, Math.min(values.size(), start + CHUNK)));
		}
		return chunks;
	}

	static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	/** A supporter's values, checked and normalised, with the e-mail's blind index. */
	private record Checked(String index, String email, @Nullable String name, @Nullable String zip,
			@Nullable String phone, String language) {
	}

	private Checked checked(SupporterDetails details) {
		String email = EmailAddresses.normalize(details.email());
		if (!EmailAddresses.isValid(email)) {
			throw new IllegalArgumentException("Not a valid e-mail address");
		}
		return new Checked(this.index.ofEmail(email), email, optional(details.name(), MAX_NAME, null, "name"),
				optional(details.zip(), 5, ZIP, "ZIP code"), optional(details.phone(), 32, PHONE, "phone number"),
				language(details.language()));
	}

	private void update(String emailIndex, String email, @Nullable String name, @Nullable String zip,
			@Nullable String phone, String language, OffsetDateTime now) {
		StringBuilder sql = new StringBuilder("UPDATE supporters SET email_sealed = ?, language = ?, updated_at = ?");
		List<Object> params = new ArrayList<>(List.of(seal(email, "email"), language, now));
		for (String[] column : new String[][] { { "name", name }, { "zip", zip }, { "phone", phone } }) {
			if (column[1] != null) {
				sql.append(", ").append(column[0]).append("_sealed = ?");
				params.add(seal(column[1], column[0]));
			}
		}
		params.add(emailIndex);
		this.jdbc.sql(sql.append(" WHERE email_index = ?").toString()).params(params).update();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Supporter> findByEmail(String email) {
		return findByIndex(this.index.ofEmail(email));
	}

	Optional<Supporter> findByIndex(String emailIndex) {
		return this.jdbc.sql("SELECT * FROM supporters WHERE email_index = ?")
			.param(emailIndex)
			.query(this::supporter)
			.optional();
	}

	@Override
	@Transactional
	public void hold(long supporterId, String holder) {
		holdAll(List.of(supporterId), holder);
	}

	@Override
	@Transactional
	public int endHolds(String holder, Instant endedAt) {
		return this.jdbc.sql("UPDATE supporter_holds SET ended_at = ? WHERE holder = ? AND ended_at IS NULL")
			.params(endedAt.atOffset(ZoneOffset.UTC), holder(holder))
			.update();
	}

	// --- "my data" ---

	@Override
	public String section() {
		return SECTION;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Object> describe(String emailIndex) {
		Optional<Supporter> found = findByIndex(emailIndex);
		if (found.isEmpty()) {
			return Map.of();
		}
		Supporter supporter = found.get();
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("email", supporter.email());
		described.put("name", supporter.name());
		described.put("zip", supporter.zip());
		described.put("phone", supporter.phone());
		described.put("language", supporter.language().getLanguage());
		described.put("registeredAt", supporter.createdAt().toString());
		described.put("updatedAt", supporter.updatedAt().toString());
		List<Map<String, Object>> holds = new ArrayList<>();
		for (List<String> chunk : chunks(List.copyOf(pseudonyms(emailIndex).values()))) {
			holds.addAll(this.jdbc
				.sql("SELECT holder, created_at, ended_at FROM supporter_holds WHERE supporter_key IN ("
						+ marks(chunk.size()) + ")")
				.params(new ArrayList<Object>(chunk))
				.query((rs, row) -> {
					Map<String, Object> hold = new LinkedHashMap<>();
					hold.put("holder", rs.getString("holder"));
					hold.put("since", instant(rs, "created_at").toString());
					OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
					hold.put("endedAt", (ended != null) ? ended.toInstant().toString() : null);
					return hold;
				})
				.list());
		}
		holds.sort(Comparator.comparing((Map<String, Object> hold) -> (String) hold.get("since"))
			.thenComparing((hold) -> (String) hold.get("holder")));
		described.put("heldFor", holds);
		return described;
	}

	@Override
	@Transactional
	public void forget(String emailIndex) {
		this.jdbc.sql("SELECT id FROM supporters WHERE email_index = ?")
			.param(emailIndex)
			.query(Long.class)
			.optional()
			.ifPresent((id) -> forget(id, emailIndex, null));
	}

	/**
	 * Announces and deletes one supporter, with their holds, unless another transaction
	 * (another instance's retention run, a second click) did it first or, when
	 * {@code expiredBefore} is given, the supporter is no longer expired (a new hold, a
	 * new registration): checked again under the row's lock.
	 * @return whether this call deleted the supporter
	 */
	@Transactional
	public boolean forget(long supporterId, String emailIndex, @Nullable Instant expiredBefore) {
		Optional<Locked> locked = this.jdbc
			.sql("SELECT updated_at, holders_sealed FROM supporters WHERE id = ? FOR UPDATE")
			.param(supporterId)
			.query((rs, n) -> new Locked(rs.getObject(1, OffsetDateTime.class), holders(rs.getBytes(2))))
			.optional();
		if (locked.isEmpty()) {
			return false;
		}
		Map<String, String> pseudonyms = pseudonyms(supporterId, locked.get().holders());
		if (expiredBefore != null) {
			OffsetDateTime cutoff = expiredBefore.atOffset(ZoneOffset.UTC);
			if (!locked.get().updatedAt().isBefore(cutoff) || !holding(pseudonyms.values(), cutoff).isEmpty()) {
				return false;
			}
		}
		this.events.publishEvent(new SupporterForgotten(supporterId, emailIndex, pseudonyms));
		for (List<String> chunk : chunks(List.copyOf(pseudonyms.values()))) {
			this.jdbc.sql("DELETE FROM supporter_holds WHERE supporter_key IN (" + marks(chunk.size()) + ")")
				.params(new ArrayList<Object>(chunk))
				.update();
		}
		return this.jdbc.sql("DELETE FROM supporters WHERE id = ?").param(supporterId).update() == 1;
	}

	private record Locked(OffsetDateTime updatedAt, SortedSet<String> holders) {
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> address(String emailIndex) {
		return findByIndex(emailIndex).map(Supporter::email);
	}

	private Supporter supporter(ResultSet rs, int row) throws SQLException {
		return new Supporter(rs.getLong("id"), open(rs.getBytes("email_sealed"), "email"),
				open(rs.getBytes("name_sealed"), "name"), open(rs.getBytes("zip_sealed"), "zip"),
				open(rs.getBytes("phone_sealed"), "phone"), Locale.forLanguageTag(rs.getString("language")),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	@Contract("!null, _ -> !null")
	private byte @Nullable [] seal(@Nullable String value, String column) {
		return this.cipher.seal(value, "supporters." + column);
	}

	@Contract("!null, _ -> !null")
	private @Nullable String open(byte @Nullable [] sealed, String column) {
		return this.cipher.open(sealed, "supporters." + column);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	/** A column that is NOT NULL. */
	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable String optional(@Nullable String value, int max, @Nullable Pattern pattern, String what) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max || CONTROL.matcher(stripped).find()
				|| (pattern != null && !pattern.matcher(stripped).matches())) {
			throw new IllegalArgumentException("Not a valid " + what);
		}
		return stripped;
	}

	private static String language(@Nullable Locale language) {
		return (language != null && "es".equals(language.getLanguage())) ? "es" : "en";
	}

	private static String holder(String holder) {
		if (holder == null || holder.isBlank() || holder.length() > MAX_HOLDER) {
			throw new IllegalArgumentException("A holder is a short name such as campaign:12");
		}
		return holder;
	}

}
