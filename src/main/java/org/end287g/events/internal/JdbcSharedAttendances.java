package org.end287g.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.end287g.events.SharedAttendances;
import org.end287g.privacy.PersonalDataCipher;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shared attendances read from the consents: registrations not cancelled, not
 * anonymized, of a published or cancelled event, ticked for this very organization.
 */
@Component
class JdbcSharedAttendances implements SharedAttendances {

	private static final String SHARED = """
			from registration_shares h join event_registrations r on r.id = h.registration_id
			join events e on e.id = r.event_id
			where h.organization_id = :organization and r.status <> 'CANCELLED' and r.anonymized_at is null
			and e.status in ('PUBLISHED', 'CANCELLED')""";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final EventStore store;

	JdbcSharedAttendances(JdbcClient jdbc, PersonalDataCipher cipher, EventStore store) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.store = store;
	}

	@Override
	public long count(long organizationId, @Nullable Long eventId) {
		return this.jdbc.sql("select count(*) " + shared(eventId))
			.param("organization", organizationId)
			.param("event", eventId)
			.query(Long.class)
			.single();
	}

	@Override
	public List<SharedAttendance> page(long organizationId, @Nullable Long eventId, int offset, int limit) {
		return this.jdbc
			.sql(select() + shared(eventId) + " order by r.created_at desc, r.id desc"
					+ " offset :offset rows fetch next :limit rows only")
			.param("organization", organizationId)
			.param("event", eventId)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> attendance(rs))
			.list();
	}

	@Override
	public Optional<SharedAttendance> find(long organizationId, long registrationId) {
		return this.jdbc.sql(select() + shared(null) + " and r.id = :id")
			.param("organization", organizationId)
			.param("id", registrationId)
			.query((rs, n) -> attendance(rs))
			.optional();
	}

	@Override
	public List<Registered> registeredSince(long organizationId, OffsetDateTime since, int limit) {
		return this.jdbc
			.sql("select r.id, r.created_at " + shared(null)
					+ " and r.created_at >= :since order by r.created_at, r.id fetch first :limit rows only")
			.param("organization", organizationId)
			.param("since", since)
			.param("limit", limit)
			.query((rs, n) -> new Registered(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.list();
	}

	@Override
	public Optional<Long> eventId(String slug) {
		return this.store.bySlug(slug)
			.filter((event) -> event.status() == Event.Status.PUBLISHED || event.status() == Event.Status.CANCELLED)
			.map(Event::id);
	}

	private static String shared(@Nullable Long eventId) {
		return (eventId != null) ? SHARED + " and r.event_id = :event" : SHARED;
	}

	private static String select() {
		return """
				select r.id, e.slug, r.name_sealed, r.email_sealed, r.zip_sealed, r.status, r.checked_in_at,
				r.created_at\s""";
	}

	private SharedAttendance attendance(ResultSet rs) throws SQLException {
		String status = (rs.getObject(7) != null) ? "attended"
				: ("WAITING".equals(rs.getString(6)) ? "waiting" : "accepted");
		String name = open(rs.getBytes(3), "name");
		String zip = open(rs.getBytes(5), "zip");
		return new SharedAttendance(rs.getLong(1), rs.getString(2), (name != null) ? name : "",
				open(rs.getBytes(4), "email"), (zip != null) ? zip : "", status, rs.getObject(8, OffsetDateTime.class));
	}

	private @Nullable String open(byte @Nullable [] sealed, String column) {
		return (sealed != null) ? this.cipher.open(sealed, Registrations.TABLE + "." + column) : null;
	}

}
