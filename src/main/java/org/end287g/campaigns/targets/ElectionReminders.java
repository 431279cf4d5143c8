package org.end287g.campaigns.targets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.end287g.SiteAddress;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.signing.Signers;
import org.end287g.decide.Election;
import org.end287g.decide.Elections;
import org.end287g.decide.Officials;
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
 * Reminders to vote: before a voting day of an office a gathering campaign presses (its
 * agency's head or a secondary target), every supporter who signed it, confirmed and
 * asked for its updates gets the date and every candidate's answer, once per voting day
 * (the contests of one day in one mail), in their language. Every instance runs the job;
 * each reminder is claimed by inserting its row ({@code campaign_election_reminders}, one
 * per campaign, election and voting day) in the transaction that queues its mail, so it
 * is queued once whatever the number of instances.
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

	private final Officials officials;

	ElectionReminders(Elections elections, Campaigns campaigns, Signers signers, Outbox outbox, JdbcClient jdbc,
			TransactionTemplate transactions, MessageSource messages, SiteAddress site,
			ElectionReminderProperties properties, Officials officials) {
		this.officials = officials;
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

	/**
	 * Queues every reminder due today; returns how many mails this call queued. A
	 * campaign reminds of the elections of its agency's head and of its secondary
	 * targets' offices; the elections of one campaign on one voting day go in one mail.
	 */
	int send(LocalDate today) {
		Map<Long, Campaign> byId = new HashMap<>();
		Map<Long, Map<LocalDate, List<Elections.Due>>> grouped = new TreeMap<>();
		for (Elections.Due due : this.elections.dueReminders(today, this.properties.reminderDaysBefore())) {
			Set<Campaign> pressing = new LinkedHashSet<>();
			String agency = due.election().agencySlug();
			if (agency != null) {
				this.campaigns.forAgency(agency).ifPresent(pressing::add);
			}
			for (long id : this.officials.campaignsTargeting(due.election().officeId())) {
				this.campaigns.byId(id).ifPresent(pressing::add);
			}
			for (Campaign campaign : pressing) {
				if (campaign.gathering()) {
					byId.put(campaign.id(), campaign);
					grouped.computeIfAbsent(campaign.id(), (k) -> new TreeMap<>())
						.computeIfAbsent(due.voteDate(), (k) -> new ArrayList<>())
						.add(due);
				}
			}
		}
		int sent = 0;
		for (Map.Entry<Long, Map<LocalDate, List<Elections.Due>>> entry : grouped.entrySet()) {
			Campaign campaign = Objects.requireNonNull(byId.get(entry.getKey()));
			for (Map.Entry<LocalDate, List<Elections.Due>> day : entry.getValue().entrySet()) {
				try {
					Integer queued = this.transactions
						.execute((status) -> remind(campaign, day.getKey(), day.getValue()));
					sent += (queued != null) ? queued : 0;
				}
				catch (DuplicateKeyException ex) {
					// another instance (or an earlier run) claimed this reminder
				}
			}
		}
		return sent;
	}

	/**
	 * Claims the campaign's reminder for this voting day (one row per election), unless
	 * one already went for that day, and queues one mail per subscribed signer.
	 */
	private int remind(Campaign campaign, LocalDate voteDate, List<Elections.Due> dues) {
		long already = this.jdbc
			.sql("select count(*) from campaign_election_reminders where campaign_id = ? and vote_date = ?")
			.params(campaign.id(), voteDate)
			.query(Long.class)
			.single();
		if (already > 0) {
			return 0;
		}
		for (Elections.Due due : dues) {
			this.jdbc.sql("""
					insert into campaign_election_reminders (campaign_id, election_id, vote_date, recipients, queued_at)
					values (?, ?, ?, 0, ?)""")
				.params(campaign.id(), due.election().id(), voteDate, OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		Election first = dues.get(0).election();
		String link = this.site.link((first.countyFips() != null)
				? "/elections/" + first.state().toLowerCase(Locale.ROOT) + "/" + first.countyFips()
				: "/campaigns/" + campaign.slug());
		int sent = 0;
		long after = 0;
		while (true) {
			Signers.Subscribers page = this.signers.subscribers(campaign.id(), after, PAGE);
			for (Signers.Subscriber subscriber : page.page()) {
				Locale locale = Locale.forLanguageTag(subscriber.language());
				this.outbox.enqueue(new Mail(subscriber.email(), locale, "election-reminder",
						model(campaign, dues, link, locale), CATEGORY));
				sent++;
			}
			after = page.lastSignatureId();
			if (page.page().size() < PAGE) {
				break;
			}
		}
		this.jdbc.sql("""
				update campaign_election_reminders set recipients = ?
				where campaign_id = ? and vote_date = ?""").params(sent, campaign.id(), voteDate).update();
		return sent;
	}

	private Map<String, Object> model(Campaign campaign, List<Elections.Due> dues, String link, Locale locale) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		List<Map<String, Object>> contests = new ArrayList<>();
		for (Elections.Due due : dues) {
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
			String kind = this.messages.getMessage("mail.election-reminder." + (primary ? "primary" : "general"), null,
					locale);
			LocalDate early = e.earlyVotingStart();
			contests.add(Map.of("office", e.office(), "date", due.voteDate().format(format), "kind", kind, "early",
					(!primary && early != null) ? early.format(format) : "", "answers", answers));
		}
		Elections.Due first = dues.get(0);
		return Map.of("campaign", campaign.title(), "contests", contests, "link", link, "subjectArgs",
				List.of(first.election().office(), first.voteDate().format(format)));
	}

}
