package org.end287g.decide.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.audit.AuditLog;
import org.end287g.decide.Pledge;
import org.end287g.decide.Questionnaires;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.SignedLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public questionnaire: a signed link, mailed through the outbox to a candidate's
 * published address, that answers that candidate's questionnaire and no other (the
 * candidate is the link's signed payload, never a value of the form), until the election.
 * We do not know a candidate's language, so the mail is in English then Spanish, each
 * part with a link that opens the page in its language.
 */
@Component
class Questionnaire implements Questionnaires {

	static final String PURPOSE = "candidate-pledge";

	static final int MAX_STATEMENT = 1_000;

	private final ElectionStore store;

	private final SignedLinks links;

	private final Outbox outbox;

	private final AuditLog audit;

	private final SiteAddress site;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	Questionnaire(ElectionStore store, SignedLinks links, Outbox outbox, AuditLog audit, SiteAddress site,
			TransactionTemplate transactions, MessageSource messages) {
		this.messages = messages;
		this.store = store;
		this.links = links;
		this.outbox = outbox;
		this.audit = audit;
		this.site = site;
		this.transactions = transactions;
	}

	/** Mails the questionnaire to a candidate (again after a day); staff's button. */
	String send(String actor, long candidateId) {
		return send(actor, candidateId, true);
	}

	@Override
	public Map<Long, Asking> asking(Collection<Long> candidateIds) {
		return this.store.asking(candidateIds);
	}

	@Override
	public String send(String actor, long candidateId, boolean resend) {
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
		String token = this.links.sign(PURPOSE, Long.toString(candidateId), valid);
		String date = asked.election().generalDate().toString();
		String office = asked.election().office();
		String name = asked.candidate().name();
		Locale es = Locale.forLanguageTag("es");
		Map<String, Object> model = new HashMap<>();
		model.put("name", name);
		model.put("office", office);
		model.put("date", date);
		model.put("link", link(token, "en"));
		model.put("days", valid.toDays());
		model.put("es",
				Map.of("hello", text("mail.candidate-questionnaire.hello", es, name), "body",
						text("mail.candidate-questionnaire.body", es, office, date), "question",
						text("decide.pledge.question", es), "link",
						text("mail.candidate-questionnaire.link", es, valid.toDays()), "address", link(token, "es"),
						"neutral", text("decide.elections.neutral", es)));
		model.put("subjectArgs", List.of(office, text("mail.candidate-questionnaire.subject.es", es, office)));
		Boolean sent = this.transactions.execute((status) -> {
			if (!this.store.markAsked(candidateId, resend)) {
				return false;
			}
			this.outbox
				.enqueue(Mail.transactional(email, Locale.ENGLISH, "candidate-questionnaire", model).usefulFor(valid));
			this.audit.record(actor, "decide.pledge.ask", "candidate:" + candidateId, resend ? "resend" : null);
			return true;
		});
		if (Boolean.TRUE.equals(sent)) {
			return "decide.pledge.ask.sent";
		}
		return resend ? "decide.pledge.ask.already" : "decide.pledge.ask.asked";
	}

	private String link(String token, String language) {
		return UriComponentsBuilder.fromUriString(this.site.link("/pledge"))
			.queryParam("token", token)
			.queryParam("lang", language)
			.build()
			.toUriString();
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
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
