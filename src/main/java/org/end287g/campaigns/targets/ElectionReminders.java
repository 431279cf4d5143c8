package org.end287g.campaigns.targets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.SiteAddress;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.signing.Signers;
import org.end287g.decide.Election;
import org.end287g.decide.Elections;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders to vote: before a voting day of the office a gathering campaign presses,
 * every supporter who signed it, confirmed and asked for its updates gets the date and
 * every candidate's answer, once, in their language. Every instance runs the job; each
 * reminder is claimed by inserting its row ({@code campaign_election_reminders}, one per
 * campaign, election and voting day) in the transaction that queues its mail, so it is
 * queued once whatever the number of instances.
 */
@Component
class ElectionReminders {

	private static final Logger log = LoggerFactory.getLogger(ElectionReminders.class);

	static final String CATEGORY = "campaign-updates";

	private static final int PAGE = 500;

	private final Elections elections;

	private final Campaigns campaigns;

	private final Signers signers;

	private final Outbox outbox;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final SiteAddress site;

	private final ElectionReminderProperties properties;

	ElectionReminders(Elections elections, Campaigns campaigns, Signers signers, Outbox outbox, JdbcClient jdbc,
			TransactionTemplate transactions, MessageSource messages, SiteAddress site,
			ElectionReminderProperties properties) {
		this.elections = elections;
		this.campaigns = campaigns;
		this.signers = signers;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.messages = messages;
		this.site = site;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${end287g.elections.reminder-interval:1h}",
			initialDelayString = "${end287g.elections.reminder-interval:1h}")
	void scheduled() {
		try {
			send(this.elections.today());
		}
		catch (RuntimeException ex) {
			log.warn("Vote reminders failed; next poll retries", ex);
		}
	}

	/** Queues every reminder due today; returns how many mails this call queued. */
	int send(LocalDate today) {
		int sent = 0;
		for (Elections.Due due : this.elections.dueReminders(today, this.properties.reminderDaysBefore())) {
			String agency = due.election().agencySlug();
			Campaign campaign = (agency != null) ? this.campaigns.forAgency(agency).orElse(null) : null;
			if (campaign == null || !campaign.gathering()) {
				continue;
			}
			try {
				Integer queued = this.transactions.execute((status) -> remind(campaign, due));
				sent += (queued != null) ? queued : 0;
			}
			catch (DuplicateKeyException ex) {
				// another instance (or an earlier run) claimed this reminder
			}
		}
		return sent;
	}

	private int remind(Campaign campaign, Elections.Due due) {
		this.jdbc.sql("""
				insert into campaign_election_reminders (campaign_id, election_id, vote_date, recipients, queued_at)
				values (?, ?, ?, 0, ?)""")
			.params(campaign.id(), due.election().id(), due.voteDate(), OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		Election e = due.election();
		String link = this.site
			.link((e.countyFips() != null) ? "/elections/" + e.state().toLowerCase(Locale.ROOT) + "/" + e.countyFips()
					: "/campaigns/" + campaign.slug());
		int sent = 0;
		long after = 0;
		while (true) {
			Signers.Subscribers page = this.signers.subscribers(campaign.id(), after, PAGE);
			for (Signers.Subscriber subscriber : page.page()) {
				Locale locale = Locale.forLanguageTag(subscriber.language());
				this.outbox.enqueue(new Mail(subscriber.email(), locale, "election-reminder",
						model(campaign, due, link, locale), CATEGORY));
				sent++;
			}
			after = page.lastSignatureId();
			if (page.page().size() < PAGE) {
				break;
			}
		}
		this.jdbc.sql("""
				update campaign_election_reminders set recipients = ?
				where campaign_id = ? and election_id = ? and vote_date = ?""")
			.params(sent, campaign.id(), e.id(), due.voteDate())
			.update();
		return sent;
	}

	private Map<String, Object> model(Campaign campaign, Elections.Due due, String link, Locale locale) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		Election e = due.election();
		boolean primary = due.voteDate().equals(e.primaryDate()) && !due.voteDate().equals(e.generalDate());
		List<String> answers = new ArrayList<>();
		for (Election.Candidate c : e.candidates()) {
			String pledge = this.messages.getMessage("decide.pledge." + c.pledge(), null, locale);
			String who = (c.party() != null) ? c.name() + " (" + c.party() + ")" : c.name();
			String source = "";
			if (c.sourceUrl() != null) {
				source = " — " + c.sourceTitle() + " " + c.sourceUrl();
			}
			else if (c.source() != null) {
				source = " — " + this.messages.getMessage("mail.election-reminder.questionnaire", null, locale);
			}
			String words = (c.statement() != null) ? " \"" + c.statement() + "\"" : "";
			answers.add("- " + who + ": " + pledge + words + source);
		}
		String date = due.voteDate().format(format);
		String kind = this.messages.getMessage("mail.election-reminder." + (primary ? "primary" : "general"), null,
				locale);
		return Map.of("campaign", campaign.title(), "office", e.office(), "date", date, "kind", kind, "early",
				(!primary && e.earlyVotingStart() != null) ? e.earlyVotingStart().format(format) : "", "answers",
				answers, "link", link, "subjectArgs", List.of(e.office(), date));
	}

}
