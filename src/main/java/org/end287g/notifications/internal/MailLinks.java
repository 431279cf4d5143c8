package org.end287g.notifications.internal;

import java.time.Duration;

import org.end287g.SiteAddress;
import org.end287g.privacy.PersonalDataLinks;
import org.end287g.privacy.SignedLinks;

import org.springframework.stereotype.Component;

/**
 * The signed links every message carries: "see, download or delete your data" (made by
 * the privacy module, valid for days) and, for mail of a category, one-click unsubscribe.
 * Tokens hold only the recipient's blind index.
 */
@Component
class MailLinks {

	static final String UNSUBSCRIBE = "unsubscribe";

	static final Duration UNSUBSCRIBE_VALIDITY = Duration.ofDays(365);

	private final SignedLinks links;

	private final SiteAddress site;

	private final PersonalDataLinks myData;

	MailLinks(SignedLinks links, SiteAddress site, PersonalDataLinks myData) {
		this.links = links;
		this.site = site;
		this.myData = myData;
	}

	String myData(String recipientIndex) {
		return this.myData.link(recipientIndex);
	}

	String unsubscribe(String recipientIndex, String category) {
		return this.site.link(
				"/unsubscribe/" + this.links.sign(UNSUBSCRIBE, recipientIndex + "|" + category, UNSUBSCRIBE_VALIDITY));
	}

	/**
	 * The recipient's index and the category of a genuine, unexpired unsubscribe token.
	 */
	java.util.Optional<Unsubscription> verifyUnsubscribe(String token) {
		return this.links.verify(UNSUBSCRIBE, token).flatMap((payload) -> {
			int bar = payload.indexOf('|');
			if (bar <= 0 || bar == payload.length() - 1) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(new Unsubscription(payload.substring(0, bar), payload.substring(bar + 1)));
		});
	}

	record Unsubscription(String recipientIndex, String category) {

	}

}
