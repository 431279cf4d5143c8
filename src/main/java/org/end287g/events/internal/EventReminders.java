package org.end287g.events.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.end287g.privacy.Supporters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders 24 hours and 1 hour before an event, to everyone with a seat. Every instance
 * runs this job: a reminder is claimed by one conditional UPDATE of its registration
 * ({@code reminded_day_at is null}) in the same transaction that queues its mail, so it
 * is queued once whatever the number of instances, and a restart only resumes where the
 * database says. The 24-hour reminder is skipped once the 1-hour one is due. The same job
 * ends the supporter holds of events that are over, so retention starts.
 */
@Component
class EventReminders {

	private static final Logger log = LoggerFactory.getLogger(EventReminders.class);

	static final Duration DAY = Duration.ofHours(24);

	static final Duration HOUR = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final EventStore events;

	private final Registrations registrations;

	private final EventMail mail;

	private final EventViews views;

	private final TransactionTemplate transactions;

	private final Supporters supporters;

	EventReminders(JdbcClient jdbc, EventStore events, Registrations registrations, EventMail mail, EventViews views,
			TransactionTemplate transactions, Supporters supporters) {
		this.supporters = supporters;
		this.jdbc = jdbc;
		this.events = events;
		this.registrations = registrations;
		this.mail = mail;
		this.views = views;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${end287g.events.reminder-interval:30s}",
			initialDelayString = "${end287g.events.reminder-interval:30s}")
	void scheduled() {
		try {
			Instant now = this.views.now();
			send(now);
			endHolds(now);
		}
		catch (RuntimeException ex) {
			log.warn("Event reminders failed; next poll retries", ex);
		}
	}

	/**
	 * Ends the supporter holds of events that are over or cancelled, once: retention
	 * counts from the end of the event.
	 */
	int endHolds(Instant now) {
		List<Long> over = this.jdbc.sql("""
				select id from events where holds_ended_at is null
				and (ends_at <= ? or status = 'CANCELLED') order by id limit 100""")
			.param(EventStore.utc(now))
			.query((rs, n) -> rs.getLong("id"))
			.list();
		int ended = 0;
		for (Long id : over) {
			Boolean done = this.transactions.execute((status) -> {
				if (this.jdbc.sql("update events set holds_ended_at = ? where id = ? and holds_ended_at is null")
					.params(EventStore.utc(now), id)
					.update() == 0) {
					return false;
				}
				Event event = this.events.byId(id).orElseThrow();
				Instant end = event.cancelled() ? now : event.end();
				this.supporters.endHolds(event.holder(), end.isBefore(now) ? end : now);
				return true;
			});
			ended += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return ended;
	}

	/** Queues every reminder due at {@code now}; returns how many this call queued. */
	int send(Instant now) {
		return send(now, "reminded_day_at", DAY) + send(now, "reminded_hour_at", HOUR);
	}

	private int send(Instant now, String column, Duration before) {
		OffsetDateTime at = EventStore.utc(now);
		List<Long> due = this.jdbc
			.sql("select r.id from event_registrations r join events e on e.id = r.event_id"
					+ " where r.status = 'REGISTERED' and e.status = 'PUBLISHED' and r." + column + " is null"
					+ " and e.starts_at > ? and e.starts_at <= ? order by e.starts_at, r.id limit 500")
			.params(at, EventStore.utc(now.plus(before)))
			.query((rs, n) -> rs.getLong("id"))
			.list();
		int sent = 0;
		for (Long id : due) {
			Boolean queued = this.transactions.execute((status) -> claim(id, column, before, now));
			sent += Boolean.TRUE.equals(queued) ? 1 : 0;
		}
		return sent;
	}

	/** One reminder: claimed, then queued, in one transaction. */
	private boolean claim(long id, String column, Duration before, Instant now) {
		int claimed = this.jdbc
			.sql("update event_registrations set " + column + " = ? where id = ? and " + column
					+ " is null and status = 'REGISTERED'")
			.params(EventStore.utc(now), id)
			.update();
		if (claimed == 0) {
			return false;
		}
		Registration registration = this.registrations.byId(id).orElseThrow();
		Event event = this.events.byId(registration.eventId()).orElseThrow();
		if (!event.published() || event.started(now)) {
			return false;
		}
		if (before.equals(DAY)) {
			if (!event.start().minus(HOUR).isAfter(now)) {
				// too late for "tomorrow": the 1-hour reminder follows
				return false;
			}
			this.mail.dayReminder(event, registration);
		}
		else {
			this.mail.hourReminder(event, registration);
		}
		return true;
	}

}
