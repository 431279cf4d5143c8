package org.end287g.notifications.internal;

import java.time.Duration;
import java.util.Map;

import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.PersonalDataCodeRequested;
import org.end287g.privacy.PersonalDataLinkRequested;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the "see, download or delete your data" link a person asked for, and the code
 * that confirms a download or a deletion on that page. Synchronous, so the message is
 * stored (sealed) in the transaction of the request, and not an after-commit module
 * listener: its recorded event would keep the address, the signed link or the code in
 * plain text.
 */
@Component
class PersonalDataLinkMailer {

	/**
	 * The person asked on the page and waits for the link; a day later they would ask
	 * again (the link itself works for 30 days: the message never outlives it).
	 */
	static final Duration USEFUL_FOR = Duration.ofDays(1);

	private final Outbox outbox;

	PersonalDataLinkMailer(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void mail(PersonalDataLinkRequested request) {
		this.outbox.enqueue(
				Mail.transactional(request.email(), request.language(), "my-data-link", Map.of("link", request.link()))
					.usefulFor(USEFUL_FOR));
	}

	@EventListener
	void mail(PersonalDataCodeRequested request) {
		this.outbox.enqueue(Mail.transactional(request.email(), request.language(), "my-data-code", Map.of("code",
				request.code(), "purpose", request.purpose().name(), "minutes", request.validFor().toMinutes())));
	}

}
