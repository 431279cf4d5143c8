package org.end287g.campaigns.leaders;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.end287g.SiteAddress;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.notifications.Mail;
import org.end287g.site.SafeMarkdown;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Updates leaders post: stored as written (Markdown), shown on the campaign page as safe
 * HTML, and mailed to every supporter who signed the campaign, confirmed, asked for its
 * updates and was not invalidated, in the supporter's language ({@link UpdateMail}). The
 * update and all its messages are stored in one transaction: either everyone is queued or
 * no one.
 */
@Component
class CampaignUpdates {

	static final String CATEGORY = UpdateMail.CATEGORY;

	private final JdbcClient jdbc;

	private final UpdateMail mail;

	private final AuditLog audit;

	private final SiteAddress site;

	CampaignUpdates(JdbcClient jdbc, UpdateMail mail, AuditLog audit, SiteAddress site) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.audit = audit;
		this.site = site;
	}

	/** An update as the page shows it: the body already rendered to safe HTML. */
	record Update(long id, String title, String html, String markdown, OffsetDateTime createdAt, int recipients) {
	}

	/** Stores the update and queues its mail; returns how many supporters get it. */
	@Transactional
	int post(String actor, Campaign campaign, String title, String markdown) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into campaign_updates (campaign_id, author_id, title, body_markdown, recipients, created_at)
				values (?, ?, ?, ?, 0, ?)""")
			.params(campaign.id(), actor, title, markdown, OffsetDateTime.now(ZoneOffset.UTC))
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKey(), "the insert returned no id").longValue();
		String link = this.site.link("/campaigns/" + campaign.slug());
		int sent = this.mail
			.send(campaign.id(),
					(email, language) -> new Mail(
							email, language, "campaign-update", Map.of("campaign", campaign.title(), "title", title,
									"body", markdown, "link", link, "subjectArgs", List.of(campaign.title(), title)),
							CATEGORY));
		this.jdbc.sql("update campaign_updates set recipients = ? where id = ?").params(sent, id).update();
		this.audit.record(actor, "campaign.update.post", Long.toString(campaign.id()),
				"update=" + id + " recipients=" + sent);
		return sent;
	}

	/** The campaign's updates, newest first. */
	List<Update> of(long campaignId) {
		return this.jdbc.sql("""
				select id, title, body_markdown, created_at, recipients from campaign_updates
				where campaign_id = ? order by created_at desc, id desc""")
			.param(campaignId)
			.query((rs, n) -> new Update(rs.getLong("id"), rs.getString("title"),
					SafeMarkdown.html(rs.getString("body_markdown"), 4, SafeMarkdown.Author.PUBLIC),
					rs.getString("body_markdown"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getInt("recipients")))
			.list();
	}

}
