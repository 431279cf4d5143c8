package org.end287g.decide.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.end287g.audit.AuditLog;
import org.end287g.decide.Election;
import org.end287g.decide.Elections;
import org.end287g.decide.OfficeKind;
import org.end287g.decide.Pledge;
import org.end287g.decide.Questionnaires;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Elections and candidates in the database. Every change of a public fact (dates,
 * candidates, answers) is audited with its source.
 */
@Component
class ElectionStore implements Elections {

	private static final String SELECT = """
			select e.id, e.office_id, e.general_date, e.primary_date, e.filing_deadline, e.early_voting_start,
			e.source_title, e.source_url, o.kind, o.name as office, o.state, o.county_fips, o.agency_slug
			from decide_elections e join decide_offices o on o.id = e.office_id
			""";

	private static final String HEADS = " and o.kind in ('SHERIFF', 'POLICE_CHIEF', 'AGENCY_DIRECTOR')";

	/** The source of an answer the candidate gave through the questionnaire's link. */
	static final String QUESTIONNAIRE = "QUESTIONNAIRE";

	/** The source of an answer staff recorded from a public statement. */
	static final String STATEMENT = "STATEMENT";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ElectionStore(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = Clock.systemUTC();
	}

	@Override
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	@Override
	public List<Election> upcoming(String state) {
		return query(SELECT + " where o.state = :key and e.general_date >= :today", state);
	}

	@Override
	public List<Election> upcomingInCounty(String countyFips) {
		return query(SELECT + " where o.county_fips = :key and e.general_date >= :today", countyFips);
	}

	@Override
	public List<Election> upcomingForAgency(String agencySlug) {
		return query(SELECT + " where o.agency_slug = :key and e.general_date >= :today" + HEADS, agencySlug);
	}

	@Override
	public Optional<LocalDate> nextElection(String agencySlug) {
		LocalDate today = today();
		return upcomingForAgency(agencySlug).stream()
			.map((e) -> e.nextVote(today))
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder());
	}

	@Override
	public List<Due> dueReminders(LocalDate today, int daysBefore) {
		LocalDate horizon = today.plusDays(daysBefore);
		List<Due> due = new ArrayList<>();
		for (Election e : query(SELECT + " where e.general_date >= :today and :key = ''", "", today)) {
			LocalDate primary = e.primaryDate();
			if (primary != null && !primary.isBefore(today) && !primary.isAfter(horizon)) {
				due.add(new Due(e, primary));
			}
			LocalDate opens = (e.earlyVotingStart() != null) ? e.earlyVotingStart() : e.generalDate();
			if (!opens.isAfter(horizon) && (primary == null || primary.isBefore(today))) {
				due.add(new Due(e, e.generalDate()));
			}
		}
		return due;
	}

	/** A state's elections, past ones too, newest first, for staff. */
	List<Election> inState(String state) {
		return query(SELECT + " where o.state = :key and e.general_date >= :today", state, LocalDate.of(1800, 1, 1))
			.reversed();
	}

	private List<Election> query(String sql, Object key) {
		return query(sql, key, today());
	}

	private List<Election> query(String sql, Object key, LocalDate today) {
		List<Election> bare = this.jdbc.sql(sql + " order by e.general_date, o.name, e.id")
			.param("key", key)
			.param("today", today)
			.query(ElectionStore::election)
			.list();
		if (bare.isEmpty()) {
			return bare;
		}
		Map<Long, List<Election.Candidate>> candidates = new HashMap<>();
		this.jdbc.sql("select * from decide_candidates where election_id in (:ids) order by name_key, id")
			.param("ids", bare.stream().map(Election::id).toList())
			.query((RowCallbackHandler) (rs) -> candidates
				.computeIfAbsent(rs.getLong("election_id"), (k) -> new ArrayList<>())
				.add(candidate(rs)));
		return bare.stream()
			.map((e) -> new Election(e.id(), e.officeId(), e.kind(), e.office(), e.state(), e.countyFips(),
					e.agencySlug(), e.generalDate(), e.primaryDate(), e.filingDeadline(), e.earlyVotingStart(),
					e.sourceTitle(), e.sourceUrl(), candidates.getOrDefault(e.id(), List.of())))
			.toList();
	}

	/** A candidate with the election they run in and the address to ask them at. */
	record Asked(Election election, Election.Candidate candidate, @Nullable String email) {
	}

	/** One candidate by id, with their election and published address. */
	Optional<Asked> candidate(long candidateId) {
		Long election = this.jdbc.sql("select election_id from decide_candidates where id = ?")
			.param(candidateId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (election == null) {
			return Optional.empty();
		}
		Optional<Election> found = query(SELECT + " where e.id = :key and e.general_date >= :today", election,
				LocalDate.of(1800, 1, 1))
			.stream()
			.findFirst();
		String email = this.jdbc.sql("select email from decide_candidates where id = ?")
			.param(candidateId)
			.query(String.class)
			.optional()
			.orElse(null);
		return found.flatMap((e) -> e.candidates()
			.stream()
			.filter((c) -> c.id() == candidateId)
			.findFirst()
			.map((c) -> new Asked(e, c, email)));
	}

	/** An office of the directory by its identity. */
	Optional<Long> office(String officeKey) {
		return this.jdbc.sql("select id from decide_offices where office_key = ?")
			.param(officeKey)
			.query(Long.class)
			.optional();
	}

	/** What saving one line did. */
	record Saved(boolean newElection, boolean newCandidate) {
	}

	/**
	 * Saves a checked line in the caller's transaction: the election found by its office
	 * and general date or created (dates given replace those kept), and the candidate
	 * found by name or added.
	 */
	Saved save(String actor, long officeId, ElectionLine line) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		LocalDate general = Objects.requireNonNull(Entry.parseDate(line.generalDate()));
		Long election = this.jdbc.sql("select id from decide_elections where office_id = ? and general_date = ?")
			.params(officeId, general)
			.query(Long.class)
			.optional()
			.orElse(null);
		boolean newElection = election == null;
		if (election == null) {
			this.jdbc.sql("""
					insert into decide_elections (office_id, general_date, primary_date, filing_deadline,
					early_voting_start, source_title, source_url, checked_on, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Arrays.asList(officeId, general, Entry.parseDate(line.primaryDate()),
						Entry.parseDate(line.filingDeadline()), Entry.parseDate(line.earlyVotingStart()),
						line.sourceTitle(), line.sourceUrl(), Entry.parseDate(line.checkedOn()), now))
				.update();
			election = this.jdbc.sql("select id from decide_elections where office_id = ? and general_date = ?")
				.params(officeId, general)
				.query(Long.class)
				.single();
			this.audit.record(actor, "decide.election.add", "election:" + election, line.sourceUrl());
		}
		else if (line.candidateName().isEmpty()
				|| !(line.primaryDate() + line.filingDeadline() + line.earlyVotingStart()).isEmpty()) {
			this.jdbc
				.sql("""
						update decide_elections set primary_date = coalesce(?, primary_date),
						filing_deadline = coalesce(?, filing_deadline), early_voting_start = coalesce(?, early_voting_start),
						source_title = ?, source_url = ?, checked_on = ? where id = ?""")
				.params(Arrays.asList(Entry.parseDate(line.primaryDate()), Entry.parseDate(line.filingDeadline()),
						Entry.parseDate(line.earlyVotingStart()), line.sourceTitle(), line.sourceUrl(),
						Entry.parseDate(line.checkedOn()), election))
				.update();
			this.audit.record(actor, "decide.election.update", "election:" + election, line.sourceUrl());
		}
		if (line.candidateName().isEmpty()) {
			return new Saved(newElection, false);
		}
		Long candidate = this.jdbc.sql("select id from decide_candidates where election_id = ? and name_key = ?")
			.params(election, line.candidateKey())
			.query(Long.class)
			.optional()
			.orElse(null);
		Object[] facts = { line.candidateName(), Entry.orNull(line.party()), Entry.orNull(line.candidateEmail()),
				Entry.orNull(line.candidateWebsite()), line.sourceTitle(), line.sourceUrl() };
		if (candidate != null) {
			this.jdbc.sql("""
					update decide_candidates set name = ?, party = ?, email = ?, website = ?, source_title = ?,
					source_url = ? where id = ?""").params(Arrays.asList(append(facts, candidate))).update();
			this.audit.record(actor, "decide.candidate.update", "candidate:" + candidate, line.sourceUrl());
			return new Saved(newElection, false);
		}
		this.jdbc.sql("""
				insert into decide_candidates (name, party, email, website, source_title, source_url, election_id,
				name_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Arrays.asList(append(facts, election, line.candidateKey(), now)))
			.update();
		this.audit.record(actor, "decide.candidate.add", "election:" + election, line.sourceUrl());
		return new Saved(newElection, true);
	}

	/**
	 * Records a candidate's answer: from the questionnaire (the source is the candidate)
	 * or from a public statement (its title and address). Audited with the source.
	 * @return {@code false} when there is no such candidate
	 */
	boolean answer(String actor, long candidateId, Pledge pledge, @Nullable String statement, String source,
			@Nullable String sourceTitle, @Nullable String sourceUrl) {
		int changed = this.jdbc.sql("""
				update decide_candidates set pledge = ?, statement = ?, pledge_source = ?, pledge_source_title = ?,
				pledge_source_url = ?, pledged_on = ? where id = ?""")
			.params(Arrays.asList(pledge.name(), statement, source, sourceTitle, sourceUrl, today(), candidateId))
			.update();
		if (changed > 0) {
			this.audit.record(actor, "decide.pledge." + source.toLowerCase(java.util.Locale.ROOT),
					"candidate:" + candidateId, pledge.name() + " "
							+ ((sourceUrl != null) ? sourceUrl : source.toLowerCase(java.util.Locale.ROOT)));
		}
		return changed > 0;
	}

	/**
	 * Notes that the questionnaire goes out now; {@code false} when it already went out
	 * in the last day (a second click sends nothing).
	 */
	boolean markAsked(long candidateId) {
		return markAsked(candidateId, true);
	}

	/**
	 * Claims the sending of a questionnaire: never asked, or (to ask again) not within
	 * the last day.
	 */
	boolean markAsked(long candidateId, boolean again) {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.jdbc
			.sql("update decide_candidates set asked_at = ? where id = ? and (asked_at is null"
					+ (again ? " or asked_at < ?)" : ")"))
			.params(again ? new Object[] { now, candidateId, now.minusDays(1) } : new Object[] { now, candidateId })
			.update() > 0;
	}

	/** Whether each candidate has a published address, and when they were last asked. */
	Map<Long, Questionnaires.Asking> asking(Collection<Long> candidateIds) {
		if (candidateIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Questionnaires.Asking> found = new HashMap<>();
		this.jdbc.sql("select id, email, asked_at from decide_candidates where id in (:ids)")
			.param("ids", List.copyOf(candidateIds))
			.query((RowCallbackHandler) (rs) -> found.put(rs.getLong("id"), new Questionnaires.Asking(
					rs.getString("email") != null, rs.getObject("asked_at", OffsetDateTime.class))));
		return found;
	}

	private static Object[] append(Object[] values, Object... more) {
		Object[] all = Arrays.copyOf(values, values.length + more.length);
		System.arraycopy(more, 0, all, values.length, more.length);
		return all;
	}

	private static Election election(ResultSet rs, int n) throws SQLException {
		return new Election(rs.getLong("id"), rs.getLong("office_id"), OfficeKind.valueOf(rs.getString("kind")),
				rs.getString("office"), rs.getString("state"), rs.getString("county_fips"), rs.getString("agency_slug"),
				rs.getObject("general_date", LocalDate.class), rs.getObject("primary_date", LocalDate.class),
				rs.getObject("filing_deadline", LocalDate.class), rs.getObject("early_voting_start", LocalDate.class),
				rs.getString("source_title"), rs.getString("source_url"), List.of());
	}

	private static Election.Candidate candidate(ResultSet rs) throws SQLException {
		String pledge = rs.getString("pledge");
		return new Election.Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("party"),
				(pledge != null) ? Pledge.valueOf(pledge) : Pledge.NO_ANSWER, rs.getString("statement"),
				rs.getString("pledge_source"), rs.getString("pledge_source_title"), rs.getString("pledge_source_url"),
				rs.getObject("pledged_on", LocalDate.class));
	}

}
