package org.end287g.events.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.SupporterDetails;
import org.end287g.privacy.Supporters;
import org.end287g.problems.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations: one per person (the identity of the address) per event, a seat while
 * there is one, else a place in the waiting line, promoted in order when someone cancels.
 * Every change of one event's registrations locks the event's row first, so two instances
 * never give the last seat twice.
 */
@Component
class Registrations {

	static final String TABLE = "event_registrations";

	/** Check-in codes: no 0/O, 1/I/L, easy to read aloud. */
	private static final char[] CODE_LETTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final int CODE_LENGTH = 6;

	private static final String COLUMNS = """
			id, event_id, email_sealed, name_sealed, zip_sealed, phone_sealed, answers_sealed, language, status, code,
			created_at, checked_in_at""";

	private final JdbcClient jdbc;

	private final EventStore events;

	private final Supporters supporters;

	private final PersonalDataCipher cipher;

	private final BlindIndex index;

	private final EventMail mail;

	private final SecureRandom random = new SecureRandom();

	private final EventPartners partners;

	Registrations(JdbcClient jdbc, EventStore events, Supporters supporters, PersonalDataCipher cipher,
			BlindIndex index, EventMail mail, EventPartners partners) {
		this.partners = partners;
		this.jdbc = jdbc;
		this.events = events;
		this.supporters = supporters;
		this.cipher = cipher;
		this.index = index;
		this.mail = mail;
	}

	/** What a registration form collected, checked. */
	record Form(String name, String email, String zip, @Nullable String phone, Locale language, List<String> answers,
			Set<Long> sharedWith) {

	}

	/** The outcome the person is shown. */
	enum Outcome {

		/** A seat (or the seat they already had). */
		REGISTERED,
		/** In the waiting line (or already there). */
		WAITING,
		/** Refused: the event started or ended, was cancelled or is not published. */
		CLOSED

	}

	/**
	 * The key of one person's registration for an event: the blind index of the address's
	 * identity within the event, unrelated to the same person's key for another.
	 */
	String key(long eventId, String email) {
		return this.index.ofIdentityWithin("event:" + eventId, email);
	}

	@Transactional
	Outcome register(long eventId, Form form, Instant now) {
		Event event = this.events.lock(eventId).orElseThrow(() -> Problem.notFound("events.error.unknown"));
		if (!event.published() || event.started(now)) {
			return Outcome.CLOSED;
		}
		String key = key(eventId, form.email());
		Optional<Existing> existing = this.jdbc
			.sql("select id, status from event_registrations where event_id = ? and email_key = ?")
			.params(eventId, key)
			.query((rs, n) -> new Existing(rs.getLong(1), Registration.Status.valueOf(rs.getString(2))))
			.optional();
		if (existing.isPresent() && existing.get().status() != Registration.Status.CANCELLED) {
			// a double submission or a second try: the same answer, nothing new
			return (existing.get().status() == Registration.Status.REGISTERED) ? Outcome.REGISTERED : Outcome.WAITING;
		}
		long supporter = this.supporters
			.register(new SupporterDetails(form.email(), form.name(), form.zip(), form.phone(), form.language()));
		this.supporters.hold(supporter, event.holder());
		// the registration names the supporter by their pseudonym within this event only
		String supporterKey = this.supporters.pseudonym(supporter, event.holder());
		boolean seat = seated(eventId) < event.capacity() && waiting(eventId) == 0;
		Registration.Status status = seat ? Registration.Status.REGISTERED : Registration.Status.WAITING;
		OffsetDateTime at = EventStore.utc(now);
		// reminders whose time has passed are not sent late: the confirmation says it all
		OffsetDateTime day = event.start().minus(Duration.ofHours(24)).isAfter(now) ? null : at;
		OffsetDateTime hour = event.start().minus(Duration.ofHours(1)).isAfter(now) ? null : at;
		String answers = form.answers().stream().allMatch(String::isEmpty) ? null : String.join("\n", form.answers());
		long id;
		if (existing.isPresent()) {
			id = existing.get().id();
			this.jdbc
				.sql("""
						update event_registrations set supporter_key = ?, email_sealed = ?, name_sealed = ?, zip_sealed = ?,
							phone_sealed = ?, answers_sealed = ?, language = ?, status = ?, created_at = ?, cancelled_at = null,
							promoted_at = null, reminded_day_at = ?, reminded_hour_at = ?
						where id = ?""")
				.params(Arrays.asList(supporterKey, seal(form.email(), "email"), seal(form.name(), "name"),
						seal(form.zip(), "zip"), seal(form.phone(), "phone"), seal(answers, "answers"),
						form.language().getLanguage(), status.name(), at, day, hour, id))
				.update();
		}
		else {
			org.springframework.jdbc.support.GeneratedKeyHolder generated = new org.springframework.jdbc.support.GeneratedKeyHolder();
			this.jdbc.sql("""
					insert into event_registrations (event_id, supporter_key, email_key, email_sealed, name_sealed,
						zip_sealed, phone_sealed, answers_sealed, language, status, code, created_at, reminded_day_at,
						reminded_hour_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Arrays.asList(eventId, supporterKey, key, seal(form.email(), "email"),
						seal(form.name(), "name"), seal(form.zip(), "zip"), seal(form.phone(), "phone"),
						seal(answers, "answers"), form.language().getLanguage(), status.name(), freeCode(eventId), at,
						day, hour))
				.update(generated, "id");
			id = Objects.requireNonNull(generated.getKeyAs(Number.class), "the insert returned no id").longValue();
		}
		this.partners.share(eventId, id, form.sharedWith(), at);
		Registration registration = byId(id).orElseThrow();
		if (seat) {
			this.mail.confirmed(event, registration);
		}
		else {
			this.mail.waiting(event, registration);
		}
		return seat ? Outcome.REGISTERED : Outcome.WAITING;
	}

	private record Existing(long id, Registration.Status status) {

	}

	/**
	 * Cancels a registration (the person's own link); a freed seat goes to the first in
	 * line. False when it was already cancelled.
	 */
	@Transactional
	boolean cancel(long registrationId, Instant now) {
		Registration registration = byId(registrationId).orElse(null);
		if (registration == null) {
			return false;
		}
		Event event = this.events.lock(registration.eventId())
			.orElseThrow(() -> Problem.notFound("events.error.unknown"));
		int changed = this.jdbc.sql("""
				update event_registrations set status = 'CANCELLED', cancelled_at = ?
				where id = ? and status <> 'CANCELLED'""").params(EventStore.utc(now), registrationId).update();
		if (changed == 0) {
			return false;
		}
		this.mail.cancelledByPerson(event, registration);
		promote(event, now);
		return true;
	}

	/**
	 * Gives free seats to the waiting line, first come first served, and tells each
	 * person promoted. Call with the event's row locked. Nobody is promoted once it
	 * started.
	 * @return how many were promoted
	 */
	int promote(Event event, Instant now) {
		if (!event.published() || event.started(now)) {
			return 0;
		}
		int free = event.capacity() - seated(event.id());
		if (free <= 0) {
			return 0;
		}
		List<Long> next = this.jdbc.sql("""
				select id from event_registrations where event_id = ? and status = 'WAITING'
				order by created_at, id limit ?""").params(event.id(), free).query((rs, n) -> rs.getLong("id")).list();
		OffsetDateTime at = EventStore.utc(now);
		OffsetDateTime day = event.start().minus(Duration.ofHours(24)).isAfter(now) ? null : at;
		OffsetDateTime hour = event.start().minus(Duration.ofHours(1)).isAfter(now) ? null : at;
		for (Long id : next) {
			this.jdbc.sql("""
					update event_registrations set status = 'REGISTERED', promoted_at = ?, reminded_day_at = ?,
						reminded_hour_at = ?
					where id = ? and status = 'WAITING'""").param(at).param(day).param(hour).param(id).update();
			this.mail.promoted(event, byId(id).orElseThrow());
		}
		return next.size();
	}

	int seated(long eventId) {
		return count(eventId, "REGISTERED");
	}

	int waiting(long eventId) {
		return count(eventId, "WAITING");
	}

	private int count(long eventId, String status) {
		return this.jdbc.sql("select count(*) from event_registrations where event_id = ? and status = ?")
			.params(eventId, status)
			.query(Integer.class)
			.single();
	}

	Optional<Registration> byId(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from event_registrations where id = ?")
			.param(id)
			.query(this::row)
			.optional();
	}

	/** Registrations of an event, in the order they came (cancelled ones too). */
	List<Registration> ofEvent(long eventId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from event_registrations where event_id = ? order by created_at, id")
			.param(eventId)
			.query(this::row)
			.list();
	}

	/** People to tell about a change: those with a seat and those waiting. */
	List<Registration> active(long eventId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from event_registrations where event_id = ?"
					+ " and status in ('REGISTERED', 'WAITING') and email_sealed is not null order by id")
			.param(eventId)
			.query(this::row)
			.list();
	}

	Optional<Registration> byCode(long eventId, @Nullable String code) {
		String normalized = (code != null) ? code.strip().toUpperCase(Locale.ROOT) : "";
		if (!normalized.matches("[A-Z0-9]{" + CODE_LENGTH + "}")) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + COLUMNS + " from event_registrations where event_id = ? and code = ?")
			.params(eventId, normalized)
			.query(this::row)
			.optional();
	}

	/**
	 * Marks attendance, once; false when the registration has no seat or was already
	 * checked in.
	 */
	@Transactional
	boolean checkIn(long registrationId, String actor, Instant now) {
		return this.jdbc.sql("""
				update event_registrations set checked_in_at = ?, checked_in_by = ?
				where id = ? and status = 'REGISTERED' and checked_in_at is null""")
			.params(EventStore.utc(now), actor, registrationId)
			.update() == 1;
	}

	private String freeCode(long eventId) {
		while (true) {
			char[] code = new char[CODE_LENGTH];
			for (int i = 0; i < code.length; i++) {
				code[i] = CODE_LETTERS[this.random.nextInt(CODE_LETTERS.length)];
			}
			String candidate = new String(code);
			if (this.jdbc.sql("select count(*) from event_registrations where event_id = ? and code = ?")
				.params(eventId, candidate)
				.query(Integer.class)
				.single() == 0) {
				return candidate;
			}
		}
	}

	private byte @Nullable [] seal(@Nullable String value, String column) {
		return (value == null || value.isEmpty()) ? null : this.cipher.seal(value, TABLE + "." + column);
	}

	private @Nullable String open(byte @Nullable [] sealed, String column) {
		return (sealed != null) ? this.cipher.open(sealed, TABLE + "." + column) : null;
	}

	private Registration row(ResultSet rs, int n) throws SQLException {
		String answers = open(rs.getBytes("answers_sealed"), "answers");
		OffsetDateTime checkedIn = rs.getObject("checked_in_at", OffsetDateTime.class);
		return new Registration(rs.getLong("id"), rs.getLong("event_id"), open(rs.getBytes("email_sealed"), "email"),
				open(rs.getBytes("name_sealed"), "name"), open(rs.getBytes("zip_sealed"), "zip"),
				open(rs.getBytes("phone_sealed"), "phone"),
				(answers != null) ? new ArrayList<>(Arrays.asList(answers.split("\n", -1))) : List.of(),
				Locale.forLanguageTag(rs.getString("language")), Registration.Status.valueOf(rs.getString("status")),
				rs.getString("code"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(checkedIn != null) ? checkedIn.toInstant() : null);
	}

}
