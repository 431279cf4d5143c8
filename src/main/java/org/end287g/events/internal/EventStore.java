package org.end287g.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The events table and its speakers and campaigns. */
@Component
class EventStore {

	private static final String COLUMNS = """
			id, slug, title_en, title_es, description_en, description_es, kind, starts_at, ends_at, time_zone,
			capacity, venue, address, zip, state, address_public, online_url, partners, questions, questions_es, status,
			sequence, created_by, updated_at""";

	private final JdbcClient jdbc;

	/** Writes on this instance, so that what it keeps of events is read again at once. */
	private final AtomicLong writes = new AtomicLong();

	EventStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new draft; its slug comes from the English title and the date, with -2, -3
	 * and so on when taken, also by an organiser saving the same event at the same moment
	 * on any instance.
	 */
	@Transactional
	long create(EventForm.Draft draft, @Nullable String state, List<Long> campaignIds, String actor, Instant now) {
		this.writes.incrementAndGet();
		OffsetDateTime at = utc(now);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		String dated = datedSlug(draft);
		for (int n = freeSuffix(dated); !inserted(n, dated, draft, state, actor, at, key); n++) {
			key = new GeneratedKeyHolder();
		}
		long id = Objects.requireNonNull(key.getKeyAs(Number.class), "the insert returned no id").longValue();
		details(id, draft, campaignIds);
		return id;
	}

	/**
	 * Replaces an event's values; a change of its times adds one to its sequence.
	 * @return whether the times changed
	 */
	@Transactional
	boolean update(Event event, EventForm.Draft draft, @Nullable String state, List<Long> campaignIds, Instant now) {
		this.writes.incrementAndGet();
		boolean moved = !event.start().equals(draft.start()) || !event.end().equals(draft.end());
		this.jdbc.sql("""
				update events set title_en = ?, title_es = ?, description_en = ?, description_es = ?, kind = ?,
					starts_at = ?, ends_at = ?, time_zone = ?, capacity = ?, venue = ?, address = ?, zip = ?, state = ?,
					address_public = ?, online_url = ?, partners = ?, questions = ?, questions_es = ?,
					sequence = sequence + ?,
					updated_at = ?
				where id = ?""")
			.params(Arrays.asList(draft.titleEn(), draft.titleEs(), draft.descriptionEn(), draft.descriptionEs(),
					draft.kind().name(), utc(draft.start()), utc(draft.end()), draft.zone().getId(), draft.capacity(),
					draft.venue(), draft.address(), draft.zip(), state, draft.addressPublic(), draft.onlineUrl(),
					partners(draft.partners()), partners(draft.questions()), partners(draft.questionsEs()),
					moved ? 1 : 0, utc(now), event.id()))
			.update();
		if (moved) {
			// a new time: the reminders are due again
			this.jdbc.sql(
					"update event_registrations set reminded_day_at = null, reminded_hour_at = null where event_id = ?")
				.param(event.id())
				.update();
		}
		this.jdbc.sql("delete from event_speakers where event_id = ?").param(event.id()).update();
		this.jdbc.sql("delete from event_campaigns where event_id = ?").param(event.id()).update();
		details(event.id(), draft, campaignIds);
		return moved;
	}

	private void details(long id, EventForm.Draft draft, List<Long> campaignIds) {
		int ordinal = 0;
		for (Event.Speaker speaker : draft.speakers()) {
			this.jdbc.sql("""
					insert into event_speakers (event_id, ordinal, name, speaker_role, organization)
					values (?, ?, ?, ?, ?)""")
				.params(id, ordinal++, speaker.name())
				.param(speaker.role())
				.param(speaker.organization())
				.update();
		}
		for (Long campaign : campaignIds) {
			this.jdbc.sql("insert into event_campaigns (event_id, campaign_id) values (?, ?)")
				.params(id, campaign)
				.update();
		}
	}

	/** DRAFT to PUBLISHED, once; false when the event was not a draft. */
	@Transactional
	boolean publish(long id, Instant now) {
		this.writes.incrementAndGet();
		return this.jdbc.sql("""
				update events set status = 'PUBLISHED', published_at = ?, updated_at = ?
				where id = ? and status = 'DRAFT'""").params(utc(now), utc(now), id).update() == 1;
	}

	/** To CANCELLED, once (iCalendar SEQUENCE goes up); false when already cancelled. */
	@Transactional
	boolean cancel(long id, Instant now) {
		this.writes.incrementAndGet();
		return this.jdbc.sql("""
				update events set status = 'CANCELLED', cancelled_at = ?, updated_at = ?, sequence = sequence + 1
				where id = ? and status <> 'CANCELLED'""").params(utc(now), utc(now), id).update() == 1;
	}

	/** How many writes this instance has made: a change means events changed. */
	long writes() {
		return this.writes.get();
	}

	Optional<Event> bySlug(String slug) {
		if (slug == null || !slug.matches("[a-z0-9-]{1,120}")) {
			return Optional.empty();
		}
		return one("slug = ?", slug);
	}

	/**
	 * Locks the event's row until the transaction ends: registrations of one event queue
	 * here.
	 */
	Optional<Event> lock(long id) {
		List<Long> locked = this.jdbc.sql("select id from events where id = ? for update")
			.param(id)
			.query((rs, n) -> rs.getLong("id"))
			.list();
		return locked.isEmpty() ? Optional.empty() : byId(id);
	}

	Optional<Event> byId(long id) {
		return one("id = ?", id);
	}

	private Optional<Event> one(String where, Object param) {
		List<Event> found = query("select " + COLUMNS + " from events where " + where, List.of(param));
		return found.stream().findFirst();
	}

	/**
	 * Published events that have not ended (and cancelled ones, for feeds, when asked),
	 * soonest first.
	 */
	List<Event> upcoming(Instant now, boolean withCancelled) {
		return query("select " + COLUMNS + " from events where "
				+ (withCancelled ? "status in ('PUBLISHED', 'CANCELLED')" : "status = 'PUBLISHED'")
				+ " and ends_at > ? order by starts_at, id", List.of(utc(now)));
	}

	/** Published and cancelled events of a campaign that ended at most 30 days ago. */
	List<Event> ofCampaign(long campaignId, Instant since) {
		return query("select " + COLUMNS + " from events where status in ('PUBLISHED', 'CANCELLED') and ends_at > ?"
				+ " and id in (select event_id from event_campaigns where campaign_id = ?) order by starts_at, id",
				List.of(utc(since), campaignId));
	}

	/** How many events were published (cancelled ones included). */
	long countPublished() {
		return this.jdbc.sql("select count(*) from events where status in ('PUBLISHED', 'CANCELLED')")
			.query(Long.class)
			.single();
	}

	/** A page of the published events (cancelled ones included), by start. */
	List<Event> published(int offset, int limit) {
		return query("select " + COLUMNS + " from events where status in ('PUBLISHED', 'CANCELLED')"
				+ " order by starts_at, id offset ? rows fetch next ? rows only", List.of(offset, limit));
	}

	/** Every event, newest first: the staff list. */
	List<Event> all() {
		return query("select " + COLUMNS + " from events order by starts_at desc, id desc limit 500", List.of());
	}

	/** Events of these campaigns, newest first: a leader's list. */
	List<Event> ofCampaigns(java.util.Collection<Long> campaignIds) {
		if (campaignIds.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", java.util.Collections.nCopies(campaignIds.size(), "?"));
		return query(
				"select " + COLUMNS + " from events where id in (select event_id from event_campaigns where "
						+ "campaign_id in (" + marks + ")) order by starts_at desc, id desc limit 500",
				List.copyOf(campaignIds));
	}

	private List<Event> query(String sql, List<?> params) {
		List<Event> rows = this.jdbc.sql(sql).params(params).query(EventStore::row).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Event::id).toList();
		String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
		Map<Long, List<Event.Speaker>> speakers = new HashMap<>();
		this.jdbc
			.sql("select event_id, name, speaker_role, organization from event_speakers where event_id in (" + marks
					+ ") order by event_id, ordinal")
			.params(ids)
			.query((rs, n) -> speakers.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new Event.Speaker(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
		Map<Long, List<Long>> campaigns = new HashMap<>();
		this.jdbc
			.sql("select event_id, campaign_id from event_campaigns where event_id in (" + marks
					+ ") order by event_id, campaign_id")
			.params(ids)
			.query((rs, n) -> campaigns.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return rows.stream()
			.map((event) -> event.withDetails(speakers.getOrDefault(event.id(), List.of()),
					campaigns.getOrDefault(event.id(), List.of())))
			.toList();
	}

	/** An event's row, without its speakers and campaigns. */
	private static Event row(ResultSet rs, int n) throws SQLException {
		return new Event(rs.getLong("id"), rs.getString("slug"), rs.getString("title_en"), rs.getString("title_es"),
				rs.getString("description_en"), rs.getString("description_es"),
				Event.Kind.valueOf(rs.getString("kind")), instant(rs, "starts_at"), instant(rs, "ends_at"),
				ZoneId.of(rs.getString("time_zone")), rs.getInt("capacity"), rs.getString("venue"),
				rs.getString("address"), rs.getString("zip"), rs.getString("state"), rs.getBoolean("address_public"),
				rs.getString("online_url"), lines(rs.getString("partners")), lines(rs.getString("questions")),
				lines(rs.getString("questions_es")), Event.Status.valueOf(rs.getString("status")),
				rs.getInt("sequence"), rs.getString("created_by"), instant(rs, "updated_at"), List.of(), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	/** A stored list, one item a line; none for no text. */
	private static List<String> lines(@Nullable String text) {
		return (text == null || text.isEmpty()) ? List.of() : Arrays.asList(text.split("\n"));
	}

	private static String datedSlug(EventForm.Draft draft) {
		String base = slugOf(draft.titleEn());
		return (base.isEmpty() ? "event" : base) + "-" + draft.start().atZone(draft.zone()).toLocalDate();
	}

	/** The first suffix (1 for none) whose slug no event has yet. */
	private int freeSuffix(String dated) {
		int n = 1;
		while (this.jdbc.sql("select count(*) from events where slug = ?")
			.param(slug(dated, n))
			.query(Integer.class)
			.single() > 0) {
			n++;
		}
		return n;
	}

	private static String slug(String dated, int n) {
		return (n == 1) ? dated : dated + "-" + n;
	}

	/**
	 * Inserts the draft with the slug of suffix {@code n}; false when an event took that
	 * slug meanwhile (PostgreSQL skips the row; H2 reports the key).
	 */
	private boolean inserted(int n, String dated, EventForm.Draft draft, @Nullable String state, String actor,
			OffsetDateTime at, GeneratedKeyHolder key) {
		try {
			return this.jdbc
				.sql("""
						insert into events (slug, title_en, title_es, description_en, description_es, kind, starts_at, ends_at,
							time_zone, capacity, venue, address, zip, state, address_public, online_url, partners, questions,
							questions_es, status, sequence, created_by, created_at, updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 0, ?, ?, ?)
						on conflict do nothing""")
				.params(Arrays.asList(slug(dated, n), draft.titleEn(), draft.titleEs(), draft.descriptionEn(),
						draft.descriptionEs(), draft.kind().name(), utc(draft.start()), utc(draft.end()),
						draft.zone().getId(), draft.capacity(), draft.venue(), draft.address(), draft.zip(), state,
						draft.addressPublic(), draft.onlineUrl(), partners(draft.partners()),
						partners(draft.questions()), partners(draft.questionsEs()), actor, at, at))
				.update(key, "id") == 1;
		}
		catch (DuplicateKeyException raced) {
			return false;
		}
	}

	/** Lower-case ASCII words joined by dashes, at most 80 characters. */
	static String slugOf(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (ascii.length() > 80) {
			ascii = ascii.substring(0, 80).replaceAll("-+$", "");
		}
		return ascii;
	}

	private static @Nullable String partners(List<String> partners) {
		return partners.isEmpty() ? null : String.join("\n", partners);
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
