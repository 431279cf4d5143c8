package org.end287g.campaigns.leaders;

import java.util.Locale;
import java.util.function.BiFunction;

import org.end287g.campaigns.signing.Signers;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's news mailed to every supporter who signed it, confirmed, asked for its
 * updates and was not invalidated, in the supporter's language, on the list
 * {@value #CATEGORY} (one-click unsubscribe). Leaders' updates and the official's
 * response both go through here, inside the caller's transaction: either everyone is
 * queued or no one.
 */
@Component
public class UpdateMail {

	/** The list these mails belong to. */
	public static final String CATEGORY = "campaign-updates";

	private static final int PAGE = 500;

	private final Signers signers;

	private final Outbox outbox;

	UpdateMail(Signers signers, Outbox outbox) {
		this.signers = signers;
		this.outbox = outbox;
	}

	/**
	 * Queues one message per subscriber of the campaign.
	 * @param message the message for an address in a language; its category is replaced
	 * by {@value #CATEGORY}
	 * @return how many messages were queued
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int send(long campaignId, BiFunction<String, Locale, Mail> message) {
		int sent = 0;
		long after = 0;
		while (true) {
			Signers.Subscribers page = this.signers.subscribers(campaignId, after, PAGE);
			for (Signers.Subscriber subscriber : page.page()) {
				Mail mail = message.apply(subscriber.email(), Locale.forLanguageTag(subscriber.language()));
				this.outbox.enqueue(new Mail(mail.to(), mail.language(), mail.template(), mail.model(), CATEGORY,
						mail.attachment(), mail.usefulFor()));
				sent++;
			}
			after = page.lastSignatureId();
			if (page.page().size() < PAGE) {
				break;
			}
		}
		return sent;
	}

}
