package org.end287g.decide.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.end287g.audit.AuditLog;
import org.end287g.decide.ContactKind;
import org.end287g.decide.OfficeKind;
import org.end287g.decide.Official;
import org.end287g.decide.Officials;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.ClientAddresses;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory in the database: offices, their holders (one row per term; the current
 * one has no end date or one not yet passed), secondary targets and reported contacts.
 * Every change of a public fact is audited with its source.
 */
@Component
class Directory implements Officials {

	private static final String CURRENT = """
			select o.id as office_id, o.kind, o.name as office, o.state, h.id as holder_id, h.person_name, h.title,
			h.phone, h.email, h.address, h.web_form, h.social, h.source_title, h.source_url, h.checked_on
			from decide_offices o join decide_holders h on h.office_id = o.id
			where (h.term_end is null or h.term_end >= :today) and (h.term_start is null or h.term_start <= :today)
			""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ClientAddresses clients;

	private final BlindIndex index;

	private final Clock clock;

	Directory(JdbcClient jdbc, AuditLog audit, ClientAddresses clients, BlindIndex index) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clients = clients;
		this.index = index;
		this.clock = Clock.systemUTC();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	@Override
	public Optional<Official> headOf(String agencySlug) {
		return this.jdbc
			.sql(CURRENT + " and o.agency_slug = :slug and o.kind in ('SHERIFF', 'POLICE_CHIEF', "
					+ "'AGENCY_DIRECTOR') order by h.term_start desc nulls last, h.id desc limit 1")
			.param("today", today())
			.param("slug", agencySlug)
			.query(Directory::official)
			.optional();
	}

	/**
	 * The first holder listed of each office, in the order listed (the newest, as the
	 * queries sort them): an office shared by two open terms shows once.
	 */
	private static java.util.stream.Stream<Official> onePerOffice(List<Official> listed) {
		return listed.stream()
			.collect(java.util.stream.Collectors.toMap(Official::officeId, (o) -> o, (a, b) -> a,
					java.util.LinkedHashMap::new))
			.values()
			.stream();
	}

	@Override
	public List<Official> inState(String state) {
		return onePerOffice(this.jdbc.sql(CURRENT + " and o.state = :state order by o.kind, o.name, h.id desc")
			.param("today", today())
			.param("state", state)
			.query(Directory::official)
			.list()).toList();
	}

	@Override
	public List<Long> campaignsTargeting(long officeId) {
		return this.jdbc.sql("select campaign_id from decide_targets where office_id = ? order by campaign_id")
			.param(officeId)
			.query((rs, n) -> rs.getLong(1))
			.list();
	}

	@Override
	public List<Official> targetsOf(long campaignId) {
		return onePerOffice(this.jdbc
			.sql(CURRENT + " and o.id in (select office_id from decide_targets where campaign_id = :campaign)"
					+ " order by h.id desc")
			.param("today", today())
			.param("campaign", campaignId)
			.query(Directory::official)
			.list()).sorted(java.util.Comparator.comparing(Official::kind).thenComparing(Official::office)).toList();
	}

	@Override
	@Transactional
	public boolean addTarget(String actor, long campaignId, long officeId) {
		boolean held = this.jdbc.sql(CURRENT + " and o.id = :office")
			.param("today", today())
			.param("office", officeId)
			.query(Directory::official)
			.list()
			.size() > 0;
		if (!held) {
			return false;
		}
		try {
			this.jdbc.sql("insert into decide_targets (campaign_id, office_id, added_at) values (?, ?, ?)")
				.params(campaignId, officeId, OffsetDateTime.now(this.clock))
				.update();
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		this.audit.record(actor, "decide.target.add", "campaign:" + campaignId, "office " + officeId);
		return true;
	}

	@Override
	@Transactional
	public boolean removeTarget(String actor, long campaignId, long officeId) {
		int removed = this.jdbc.sql("delete from decide_targets where campaign_id = ? and office_id = ?")
			.params(campaignId, officeId)
			.update();
		if (removed > 0) {
			this.audit.record(actor, "decide.target.remove", "campaign:" + campaignId, "office " + officeId);
		}
		return removed > 0;
	}

	@Override
	public boolean recordContact(long campaignId, long officeId, ContactKind kind, String clientAddress) {
		String client = this.index.within("decide-office:" + officeId, "client", this.clients.hash(clientAddress));
		try {
			return this.jdbc.sql("""
					insert into decide_contacts (office_id, kind, contact_day, client, campaign_id)
					select id, ?, ?, ?, ? from decide_offices where id = ?""")
				.params(kind.name(), today(), client, campaignId, officeId)
				.update() > 0;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Map<Long, Counts> contactCounts(long campaignId) {
		Map<Long, long[]> counts = new HashMap<>();
		this.jdbc
			.sql("select office_id, kind, count(*) from decide_contacts where campaign_id = ? group by office_id, kind")
			.param(campaignId)
			.query((rs) -> {
				long[] c = counts.computeIfAbsent(rs.getLong(1), (k) -> new long[2]);
				c["CALL".equals(rs.getString(2)) ? 0 : 1] = rs.getLong(3);
			});
		Map<Long, Counts> result = new HashMap<>();
		counts.forEach((office, c) -> result.put(office, new Counts(c[0], c[1])));
		return result;
	}

	/** An office with every holder, newest first, for the staff page. */
	record Office(long id, OfficeKind kind, String name, String state, @Nullable String countyFips,
			@Nullable String city, @Nullable String agencySlug, List<Holder> holders) {
	}

	/** One term of one person. */
	record Holder(long id, String personName, @Nullable String title, @Nullable LocalDate termStart,
			@Nullable LocalDate termEnd, @Nullable String phone, @Nullable String email, @Nullable String address,
			@Nullable String webForm, @Nullable String social, String sourceTitle, String sourceUrl,
			LocalDate checkedOn, boolean current) {
	}

	/** Offices of a state with all their holders, for staff. */
	List<Office> offices(String state) {
		LocalDate today = today();
		Map<Long, List<Holder>> holders = new HashMap<>();
		this.jdbc.sql("""
				select h.* from decide_holders h join decide_offices o on o.id = h.office_id where o.state = ?
				order by h.term_start desc nulls last, h.id desc""").param(state).query((rs) -> {
			LocalDate start = rs.getObject("term_start", LocalDate.class);
			LocalDate end = rs.getObject("term_end", LocalDate.class);
			holders.computeIfAbsent(rs.getLong("office_id"), (k) -> new java.util.ArrayList<>())
				.add(new Holder(rs.getLong("id"), rs.getString("person_name"), rs.getString("title"), start, end,
						rs.getString("phone"), rs.getString("email"), rs.getString("address"), rs.getString("web_form"),
						rs.getString("social"), rs.getString("source_title"), rs.getString("source_url"),
						rs.getObject("checked_on", LocalDate.class),
						(end == null || !end.isBefore(today)) && (start == null || !start.isAfter(today))));
		});
		return this.jdbc
			.sql("select id, kind, name, state, county_fips, city, agency_slug from decide_offices where state = ?"
					+ " order by kind, name")
			.param(state)
			.query((rs, n) -> new Office(rs.getLong("id"), OfficeKind.valueOf(rs.getString("kind")),
					rs.getString("name"), rs.getString("state"), rs.getString("county_fips"), rs.getString("city"),
					rs.getString("agency_slug"), holders.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** What saving one entry did. */
	enum Saved {

		NEW_OFFICE, NEW_HOLDER, UPDATED

	}

	/**
	 * Saves a checked entry in the caller's transaction: the office found by its identity
	 * or created; the holder updated when the same person holds it with the same term
	 * start, otherwise added as a new row, and an open term of someone else ended the day
	 * before the new term starts (or today).
	 */
	Saved save(String actor, Entry entry) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		boolean newOffice = false;
		Long officeId = this.jdbc.sql("select id from decide_offices where office_key = ?")
			.param(entry.officeKey())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (officeId == null) {
			this.jdbc
				.sql("""
						insert into decide_offices (kind, name, state, county_fips, city, agency_slug, office_key, created_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(java.util.Arrays.asList(new Object[] { entry.kind(), entry.officeName(), entry.state(),
						Entry.orNull(entry.countyFips()), Entry.orNull(entry.city()), Entry.orNull(entry.agencySlug()),
						entry.officeKey(), now }))
				.update();
			officeId = this.jdbc.sql("select id from decide_offices where office_key = ?")
				.param(entry.officeKey())
				.query(Long.class)
				.single();
			newOffice = true;
			this.audit.record(actor, "decide.office.add", "office:" + officeId, entry.sourceUrl());
		}
		LocalDate start = Entry.parseDate(entry.termStart());
		LocalDate end = Entry.parseDate(entry.termEnd());
		Long same = this.jdbc.sql("""
				select id from decide_holders where office_id = ? and lower(person_name) = lower(?)
				and (term_start = ? or (term_start is null and ? is null)) order by id desc limit 1""")
			.params(java.util.Arrays.asList(new Object[] { officeId, entry.personName(), start, start }))
			.query(Long.class)
			.optional()
			.orElse(null);
		Object[] facts = { entry.personName(), Entry.orNull(entry.title()), start, end, Entry.orNull(entry.phone()),
				Entry.orNull(entry.email()), Entry.orNull(entry.address()), Entry.orNull(entry.webForm()),
				Entry.orNull(entry.social()), entry.sourceTitle(), entry.sourceUrl(),
				Entry.parseDate(entry.checkedOn()) };
		if (same != null) {
			this.jdbc.sql("""
					update decide_holders set person_name = ?, title = ?, term_start = ?, term_end = ?, phone = ?,
					email = ?, address = ?, web_form = ?, social = ?, source_title = ?, source_url = ?, checked_on = ?
					where id = ?""").params(java.util.Arrays.asList(append(facts, same))).update();
			this.audit.record(actor, "decide.holder.update", "holder:" + same, entry.sourceUrl());
			return newOffice ? Saved.NEW_OFFICE : Saved.UPDATED;
		}
		if (end == null) {
			LocalDate leaves = (start != null) ? start.minusDays(1) : today().minusDays(1);
			this.jdbc.sql("update decide_holders set term_end = ? where office_id = ? and term_end is null")
				.params(leaves, officeId)
				.update();
		}
		this.jdbc.sql("""
				insert into decide_holders (person_name, title, term_start, term_end, phone, email, address, web_form,
				social, source_title, source_url, checked_on, office_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(java.util.Arrays.asList(append(facts, officeId, now)))
			.update();
		this.audit.record(actor, "decide.holder.add", "office:" + officeId, entry.sourceUrl());
		return newOffice ? Saved.NEW_OFFICE : Saved.NEW_HOLDER;
	}

	/**
	 * Ends a holder's term on a day; {@code false} when unknown or already ended before.
	 */
	@Transactional
	boolean endTerm(String actor, long holderId, LocalDate day, String sourceUrl) {
		int changed = this.jdbc
			.sql("update decide_holders set term_end = ? where id = ? and (term_end is null or term_end > ?)"
					+ " and (term_start is null or term_start <= ?)")
			.params(day, holderId, day, day)
			.update();
		if (changed > 0) {
			this.audit.record(actor, "decide.holder.end", "holder:" + holderId, sourceUrl);
		}
		return changed > 0;
	}

	private static Object[] append(Object[] values, Object... more) {
		Object[] all = java.util.Arrays.copyOf(values, values.length + more.length);
		System.arraycopy(more, 0, all, values.length, more.length);
		return all;
	}

	private static Official official(ResultSet rs, int n) throws SQLException {
		return new Official(rs.getLong("office_id"), OfficeKind.valueOf(rs.getString("kind")), rs.getString("office"),
				rs.getString("state"), rs.getString("person_name"), rs.getString("title"), rs.getString("phone"),
				rs.getString("email"), rs.getString("address"), rs.getString("web_form"), rs.getString("social"),
				rs.getString("source_title"), rs.getString("source_url"), rs.getObject("checked_on", LocalDate.class));
	}

}
