package org.end287g.campaigns.signing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.end287g.SiteAddress;
import org.end287g.accounts.AccountDirectory;
import org.end287g.accounts.AccountDirectory.Recipient;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.lifecycle.CampaignLifecycle;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;

import org.springframework.stereotype.Component;

/**
 * A campaign whose count reaches its goal while OPEN becomes READY to deliver: one
 * conditional UPDATE ({@link CampaignLifecycle#reachGoal}) decides which request wins (on
 * any instance), and the winner mails the campaign's leaders and national staff in the
 * same transaction. {@link SignatureCounts} calls it, serialised near the goal, with the
 * count it just read.
 */
@Component
class CampaignGoal {

	private final CampaignLifecycle lifecycle;

	private final AccountDirectory directory;

	private final Outbox outbox;

	private final SiteAddress site;

	CampaignGoal(CampaignLifecycle lifecycle, AccountDirectory directory, Outbox outbox, SiteAddress site) {
		this.lifecycle = lifecycle;
		this.directory = directory;
		this.outbox = outbox;
		this.site = site;
	}

	/** Makes the campaign READY when {@code count} reaches its goal, and says so. */
	void check(Campaign campaign, long count) {
		if (!this.lifecycle.reachGoal(campaign.id(), count)) {
			return;
		}
		Map<String, Recipient> recipients = new LinkedHashMap<>();
		for (List<Recipient> group : List.of(this.directory.leadersOf(campaign.id()), this.directory.admins())) {
			for (Recipient recipient : group) {
				recipients.putIfAbsent(recipient.email().toLowerCase(Locale.ROOT), recipient);
			}
		}
		String link = this.site.link("/campaigns/" + campaign.slug());
		for (Recipient recipient : recipients.values()) {
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("campaign", campaign.title());
			model.put("goal", campaign.goal());
			model.put("count", count);
			model.put("link", link);
			model.put("leaderLink", this.site.link("/leader/campaigns/" + campaign.id()));
			model.put("subjectArgs", List.of(campaign.title()));
			this.outbox
				.enqueue(Mail.transactional(recipient.email(), recipient.language(), "campaign-goal-reached", model));
		}
	}

}
