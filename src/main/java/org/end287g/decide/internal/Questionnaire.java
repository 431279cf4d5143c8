package org.end287g.decide.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.audit.AuditLog;
import org.end287g.decide.Pledge;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.SignedLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public questionnaire: a signed link, mailed through the outbox to a candidate's
 * published address, that answers that candidate's questionnaire and no other (the
 * candidate is the link's signed payload, never a value of the form), until the election.
 */
@Component
class Questionnaire {

	static final String PURPOSE = "candidate-pledge";

	static final int MAX_STATEMENT = 1_000;

	private final ElectionStore store;

	private final SignedLinks links;

	private final Outbox outbox;

	private final AuditLog audit;

	private final SiteAddress site;

	private final TransactionTemplate transactions;

	Questionnaire(ElectionStore store, SignedLinks links, Outbox outbox, AuditLog audit, SiteAddress site,
			TransactionTemplate transactions) {
		this.store = store;
		this.links = links;
		this.outbox = outbox;
		this.audit = audit;
		this.site = site;
		this.transactions = transactions;
	}

	/** Mails the questionnaire to a candidate; returns the outcome's message key. */
	String send(String actor, long candidateId) {
		ElectionStore.Asked asked = this.store.candidate(candidateId).orElse(null);
		if (asked == null) {
			return "decide.pledge.ask.unknown";
		}
		long days = ChronoUnit.DAYS.between(this.store.today(), asked.election().generalDate()) + 1;
		String email = asked.email();
		if (days < 1) {
			return "decide.pledge.ask.past";
		}
		if (email == null) {
			return "decide.pledge.ask.noEmail";
		}
		Duration valid = Duration.ofDays(Math.min(days, 180));
		String link = UriComponentsBuilder.fromUriString(this.site.link("/pledge"))
			.queryParam("token", this.links.sign(PURPOSE, Long.toString(candidateId), valid))
			.build()
			.toUriString();
		Boolean sent = this.transactions.execute((status) -> {
			if (!this.store.markAsked(candidateId)) {
				return false;
			}
			this.outbox.enqueue(Mail.transactional(email, Locale.ENGLISH, "candidate-questionnaire",
					Map.of("name", asked.candidate().name(), "office", asked.election().office(), "date",
							asked.election().generalDate().toString(), "link", link, "days", valid.toDays(),
							"subjectArgs", List.of(asked.election().office())))
				.usefulFor(valid));
			this.audit.record(actor, "decide.pledge.ask", "candidate:" + candidateId, null);
			return true;
		});
		return Boolean.TRUE.equals(sent) ? "decide.pledge.ask.sent" : "decide.pledge.ask.already";
	}

	/** The candidate a genuine, unexpired link answers for, while the vote is ahead. */
	Optional<ElectionStore.Asked> verify(@Nullable String token) {
		return this.links.verify(PURPOSE, token)
			.map(AdminElectionsController::id)
			.flatMap(this.store::candidate)
			.filter((a) -> !a.election().generalDate().isBefore(this.store.today()));
	}

	static @Nullable Pledge pledge(String answer) {
		return switch (answer) {
			case "YES" -> Pledge.YES;
			case "NO" -> Pledge.NO;
			default -> null;
		};
	}

	static void checkStatement(Map<String, String> errors, String statement) {
		String text = statement.strip();
		if (text.length() > MAX_STATEMENT) {
			errors.put("statement", "decide.error.tooLong");
		}
		else if (Entry.hostile(text.replace("\r\n", " ").replace('\n', ' '))) {
			errors.put("statement", "decide.error.malformed");
		}
	}

}
