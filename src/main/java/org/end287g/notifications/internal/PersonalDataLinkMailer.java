package org.end287g.notifications.internal;

import java.time.Duration;
import java.util.Map;

import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.PersonalDataLinkRequested;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the "see, download or delete your data" link a person asked for. Always, whether
 * or not anything is held about the address: the privacy page answers the same either
 * way, and the mail says the page will tell. Synchronous, so the message is stored in the
 * transaction of the request (and not an after-commit module listener: its recorded event
 * would keep the address and the signed link in plain text).
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

}
