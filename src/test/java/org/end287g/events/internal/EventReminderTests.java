package org.end287g.events.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.end287g.Staff;
import org.end287g.accounts.QueuedMail;
import org.end287g.accounts.SignedIn;
import org.end287g.privacy.BlindIndex;
import org.end287g.privacy.PersonalDataCipher;
import org.end287g.privacy.Supporters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Reminders 24 hours and 1 hour before: due at their minute, not before; queued once even
 * when two workers (two instances) run at the same moment against the same database, or a
 * fresh worker (a restarted instance) runs again; only to people with a seat. Cancelling
 * and rescheduling tell everyone registered.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EventReminderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	BlindIndex index;

	@Autowired
	EventStore events;

	@Autowired
	Registrations registrations;

	@Autowired
	EventMail mail;

	@Autowired
	EventViews views;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Supporters supporters;

	@Autowired
	EventReminders reminders;

	QueuedMail queued;

	EventFixture fixture;

	@BeforeEach
	void clean() {
		this.fixture = new EventFixture(this.mvc, this.jdbc).clear();
		this.queued = new QueuedMail(this.jdbc, this.cipher, this.index);
	}

	@AfterEach
	void cleanUp() {
		this.fixture.clear();
	}

	/** Another instance's worker: same database, its own objects. */
	EventReminders anotherInstance() {
		return new EventReminders(this.jdbc, this.events, this.registrations, this.mail, this.views, this.transactions,
				this.supporters);
	}

	@Test
	void eachReminderIsQueuedOnceOnTimeAcrossTwoInstancesAndARestart() throws Exception {
		Map<String, String> form = EventFixture.form("Reminded webinar");
		form.put("capacity", "3");
		String slug = this.fixture.published(form);
		long id = this.fixture.id(slug);
		Instant start = this.events.byId(id).orElseThrow().start();
		List<String> people = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			people.add(SignedIn.newEmail());
			this.fixture.register(slug, EventFixture.registration(people.get(i)));
		}
		Instant dayBefore = start.minus(Duration.ofHours(24));
		assertThat(this.reminders.send(dayBefore.minusSeconds(1))).isZero();
		assertThat(this.reminders.send(dayBefore)).isEqualTo(3);
		assertThat(this.reminders.send(dayBefore.plusSeconds(30))).isZero();
		assertThat(anotherInstance().send(dayBefore.plusSeconds(60))).isZero();
		for (int i = 0; i < 3; i++) {
			assertThat(this.queued.to(people.get(i), "event-reminder-day")).hasSize(1);
		}
		assertThat(this.queued.to(people.get(3), "event-reminder-day")).as("waiting, no seat").isEmpty();
		assertThat(this.queued.last(people.get(0), "event-reminder-day").body()).contains("starts in 24 hours");

		// two instances at the same second
		Instant hourBefore = start.minus(Duration.ofHours(1));
		assertThat(this.reminders.send(hourBefore.minusSeconds(1))).isZero();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch together = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (EventReminders worker : List.of(this.reminders, anotherInstance())) {
			runs.add(pool.submit(() -> {
				together.await();
				return worker.send(hourBefore.plusSeconds(5));
			}));
		}
		together.countDown();
		int sent = 0;
		for (Future<Integer> run : runs) {
			sent += run.get();
		}
		pool.shutdown();
		assertThat(sent).isEqualTo(3);
		// a restarted instance finds nothing left to send
		assertThat(anotherInstance().send(hourBefore.plusSeconds(50))).isZero();
		for (int i = 0; i < 3; i++) {
			assertThat(this.queued.to(people.get(i), "event-reminder-hour")).hasSize(1);
			assertThat(this.queued.to(people.get(i), "event-reminder-day")).hasSize(1);
		}
		assertThat(this.queued.last(people.get(1), "event-reminder-hour").body())
			.contains("https://meet.example.org/end287g", "starts in one hour");
		assertThat(this.reminders.send(start.plusSeconds(1))).isZero();
	}

	@Test
	void aLateRegistrationGetsNoLateDayReminderAndAMovedEventRemindsAgain() throws Exception {
		String slug = this.fixture.published(EventFixture.form("Moved"));
		long id = this.fixture.id(slug);
		Instant start = this.events.byId(id).orElseThrow().start();
		String email = SignedIn.newEmail();
		this.fixture.register(slug, EventFixture.registration(email));
		// the 1-hour reminder is due, the 24-hour one is too late: only the first goes
		assertThat(this.reminders.send(start.minus(Duration.ofMinutes(30)))).isEqualTo(1);
		assertThat(this.queued.to(email, "event-reminder-day")).isEmpty();
		assertThat(this.queued.to(email, "event-reminder-hour")).hasSize(1);

		// rescheduled a day later: everyone hears it with a new calendar file, reminders
		// are due again
		Map<String, String> moved = EventFixture.form("Moved");
		java.time.LocalDate day = java.time.LocalDate.parse(moved.get("startDate")).plusDays(1);
		moved.put("startDate", day.toString());
		moved.put("endDate", day.toString());
		this.mvc.perform(EventFixture.posting("/admin/events/" + id, moved).with(Staff.admin()));
		assertThat(this.queued.last(email, "event-rescheduled").body()).contains("It was:", "Moved");
		assertThat(this.jdbc
			.sql("select count(*) from mail_outbox where template = 'event-rescheduled'"
					+ " and attachment_sealed is not null")
			.query(Integer.class)
			.single()).isEqualTo(1);
		Instant newStart = this.events.byId(id).orElseThrow().start();
		assertThat(newStart).isEqualTo(start.plus(Duration.ofDays(1)));
		assertThat(this.reminders.send(newStart.minus(Duration.ofHours(24)))).isEqualTo(1);

		// cancelled: everyone hears it, no more reminders
		this.mvc
			.perform(post("/admin/events/" + id + "/cancel").param("confirm", "yes").with(csrf()).with(Staff.admin()));
		assertThat(this.queued.to(email, "event-cancelled")).hasSize(1);
		assertThat(this.reminders.send(newStart.minus(Duration.ofMinutes(59)))).isZero();
		// and the supporters' hold on the event ends, so retention starts
		assertThat(this.reminders.endHolds(Instant.now())).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from supporter_holds where holder = ? and ended_at is null")
			.param("event:" + id)
			.query(Integer.class)
			.single()).isZero();
	}

}
