package org.end287g.events.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.SignedLinks;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The mail of events, in the registrant's language, queued in the caller's transaction:
 * confirmation (with the calendar file), waiting line, promotion, reminders, reschedule
 * and cancellation. Every message links to the person's own registration page, where they
 * cancel, and is worth sending only until the event ends.
 */
@Component
class EventMail {

	static final String PURPOSE = "event-registration";

	private final Outbox outbox;

	private final SignedLinks links;

	private final EventViews views;

	private final Registrations registrations;

	EventMail(Outbox outbox, SignedLinks links, EventViews views, @Lazy Registrations registrations) {
		this.outbox = outbox;
		this.links = links;
		this.views = views;
		this.registrations = registrations;
	}

	/**
	 * The person's own page: status, code, QR code, cancel. Valid until 30 days after the
	 * event.
	 */
	String manageLink(Event event, long registrationId) {
		Instant now = this.views.now();
		Duration validity = Duration.between(now, event.end()).plusDays(30);
		if (validity.isNegative() || validity.isZero()) {
			validity = Duration.ofDays(1);
		}
		return this.views.baseUrl() + "/events/" + event.slug() + "/registration/"
				+ this.links.sign(PURPOSE, Long.toString(registrationId), validity);
	}

	/** The registration id a link names, when genuine. */
	Optional<Long> verify(String token) {
		if (token == null || token.length() > 1000) {
			return Optional.empty();
		}
		return this.links.verify(PURPOSE, token).map(Long::valueOf);
	}

	void confirmed(Event event, Registration registration) {
		send(event, registration, "event-confirmed", true);
	}

	void waiting(Event event, Registration registration) {
		send(event, registration, "event-waiting", false);
	}

	void promoted(Event event, Registration registration) {
		send(event, registration, "event-promoted", true);
	}

	void cancelledByPerson(Event event, Registration registration) {
		send(event, registration, "event-registration-cancelled", false);
	}

	void dayReminder(Event event, Registration registration) {
		send(event, registration, "event-reminder-day", false);
	}

	void hourReminder(Event event, Registration registration) {
		send(event, registration, "event-reminder-hour", false);
	}

	/** The organiser cancelled: everyone with a seat or in line hears it. */
	void cancelled(Event event) {
		for (Registration registration : this.registrations.active(event.id())) {
			send(event, registration, "event-cancelled", true);
		}
	}

	/**
	 * The organiser moved the event: everyone hears the new time, with a new calendar
	 * file.
	 */
	void rescheduled(Event event, Event before) {
		for (Registration registration : this.registrations.active(event.id())) {
			boolean seat = registration.status() == Registration.Status.REGISTERED;
			Map<String, Object> extra = Map.of("before",
					EventTimes.span(before.start(), before.end(), before.zone(), language(registration)));
			send(event, registration, "event-rescheduled", seat, extra);
		}
	}

	private void send(Event event, Registration registration, String template, boolean attach) {
		send(event, registration, template, attach, Map.of());
	}

	private void send(Event event, Registration registration, String template, boolean attach,
			Map<String, Object> extra) {
		if (registration.email() == null) {
			return;
		}
		Locale language = language(registration);
		boolean seat = registration.status() == Registration.Status.REGISTERED;
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("subjectArgs", java.util.List.of(event.title(language)));
		model.put("title", event.title(language));
		model.put("when", EventTimes.span(event.start(), event.end(), event.zone(), language));
		model.put("usZones", EventTimes.usZones(event.start(), language));
		model.put("name", (registration.name() != null) ? registration.name() : "");
		model.put("eventUrl", this.views.url(event));
		model.put("manage", manageLink(event, registration.id()));
		model.put("code", registration.code());
		model.put("online", (seat && event.kind().online()) ? event.onlineUrl() : null);
		model.put("place", (seat && event.kind().inPerson())
				? ((event.venue() != null) ? event.venue() + ", " : "") + event.address() : null);
		model.put("google", this.views.googleCalendar(event, language));
		model.put("outlook", this.views.outlook(event, language));
		model.putAll(extra);
		Mail mail = Mail.transactional(registration.email(), language, template, model);
		// about the event (its place, its online link, the calendar file): of no use once
		// the event ended, so never sent later, however long the mail server fails
		Duration untilTheEnd = Duration.between(this.views.now(), event.end());
		if (untilTheEnd.isPositive()) {
			mail = mail.usefulFor(untilTheEnd);
		}
		if (attach) {
			String calendar = Ical.calendar(event.title(language), Ical.host(this.views.baseUrl()), this.views.now(),
					java.util.List.of(this.views.entry(event, language, seat)));
			mail = mail.with(new Mail.Attachment(event.slug() + ".ics", "text/calendar; method=PUBLISH", calendar));
		}
		this.outbox.enqueue(mail);
	}

	private static Locale language(Registration registration) {
		return "es".equals(registration.language().getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
	}

}
