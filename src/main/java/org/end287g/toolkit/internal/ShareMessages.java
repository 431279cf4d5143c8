package org.end287g.toolkit.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A campaign's ready-made share messages in a language: a post for social networks, a
 * text message, and an e-mail for lists (subject and body). Each is written without the
 * campaign's address, which every share link adds.
 */
@Component
class ShareMessages {

	/** The four texts of one language. */
	record Texts(String social, String text, String subject, String body) {
	}

	private final MessageSource messages;

	ShareMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** The messages of a campaign in a language. */
	Texts of(CampaignFacts.Facts facts, Locale language) {
		return defaults(facts, language);
	}

	/** The messages the site offers until a leader edits them. */
	Texts defaults(CampaignFacts.Facts facts, Locale language) {
		Object[] args = { facts.agency(), facts.place(), facts.stateName() };
		return new Texts(this.messages.getMessage("toolkit.message.social", args, language),
				this.messages.getMessage("toolkit.message.text", args, language),
				this.messages.getMessage("toolkit.message.subject", args, language),
				this.messages.getMessage("toolkit.message.body", args, language));
	}

}
