package org.end287g.campaigns.signing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.campaigns.Campaign;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.SignedLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mail that confirms an online signature (double opt-in): a signed link, valid
 * {@link #CONFIRM_VALIDITY}, to a page whose button confirms. Queued in the outbox in the
 * caller's transaction, so a signature that is rolled back mails nothing.
 */
@Component
class SignatureConfirmationMail {

	static final String CONFIRM = "signature-confirm";

	static final Duration CONFIRM_VALIDITY = Duration.ofDays(7);

	private final SignedLinks links;

	private final Outbox outbox;

	private final SiteAddress site;

	SignatureConfirmationMail(SignedLinks links, Outbox outbox, SiteAddress site) {
		this.links = links;
		this.outbox = outbox;
		this.site = site;
	}

	/** Queues the confirmation of the signature {@code id}. */
	void send(Campaign campaign, long id, String email, String firstName, String language) {
		this.outbox.enqueue(mail(new Confirmation(campaign, id, email, firstName, language)));
	}

	/** Queues the confirmations of a batch of new signatures with one statement. */
	void sendAll(List<Confirmation> confirmations) {
		if (!confirmations.isEmpty()) {
			this.outbox.enqueueAll(confirmations.stream().map(this::mail).toList());
		}
	}

	private Mail mail(Confirmation confirmation) {
		Campaign campaign = confirmation.campaign();
		String token = this.links.sign(CONFIRM, Long.toString(confirmation.id()), CONFIRM_VALIDITY);
		String link = UriComponentsBuilder.fromUriString(this.site.baseUrl())
			.path("/campaigns/{slug}/confirm")
			.queryParam("token", "{token}")
			.buildAndExpand(campaign.slug(), token)
			.encode()
			.toUriString();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("firstName", confirmation.firstName());
		model.put("campaign", campaign.title());
		model.put("link", link);
		model.put("days", CONFIRM_VALIDITY.toDays());
		model.put("subjectArgs", List.of(campaign.title()));
		return Mail
			.transactional(confirmation.email(), Locale.forLanguageTag(confirmation.language()), "signature-confirm",
					model)
			.usefulFor(CONFIRM_VALIDITY);
	}

	/** The confirmation one new signature needs. */
	record Confirmation(Campaign campaign, long id, String email, String firstName, String language) {
	}

	/** The signature id a genuine, unexpired confirmation link names. */
	Optional<Long> signatureOf(@Nullable String token) {
		return this.links.verify(CONFIRM, token).flatMap((payload) -> {
			try {
				return Optional.of(Long.parseLong(payload));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		});
	}

}
