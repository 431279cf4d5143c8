package org.end287g.toolkit.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.end287g.audit.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's ready-made share messages in a language: a post for social networks, a
 * text message, and an e-mail for lists (subject and body). Each is written without the
 * campaign's address, which every share link adds. The site offers defaults; leaders edit
 * them per campaign and language ({@code toolkit_share_messages}).
 */
@Component
class ShareMessages {

	static final int MAX_SOCIAL = 250;

	static final int MAX_SMS = 300;

	static final int MAX_SUBJECT = 150;

	static final int MAX_BODY = 2000;

	/** The four texts of one language. */
	record Texts(String social, String sms, String subject, String body) {
	}

	/**
	 * How long an instance may show the messages it read: a viral campaign's page is read
	 * thousands of times a second. Saving or resetting on this instance forgets them at
	 * once; another instance shows the change within this time.
	 */
	private static final long MAX_AGE_NANOS = Duration.ofSeconds(2).toNanos();

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Map<String, Read> read = new ConcurrentHashMap<>();

	private record Read(Optional<Texts> texts, long at) {
	}

	ShareMessages(MessageSource messages, JdbcClient jdbc, AuditLog audit) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The messages of a campaign in a language: the leaders' when edited, else the
	 * defaults.
	 */
	Texts of(CampaignFacts.Facts facts, Locale language) {
		String key = facts.campaign().id() + ":" + language.getLanguage();
		long now = System.nanoTime();
		Read read = this.read.get(key);
		if (read == null || now - read.at() > MAX_AGE_NANOS) {
			if (this.read.size() > 10_000) {
				this.read.clear();
			}
			read = new Read(edited(facts.campaign().id(), language.getLanguage()), now);
			this.read.put(key, read);
		}
		return read.texts().orElseGet(() -> defaults(facts, language));
	}

	/** The leaders' messages in a language, if they edited them. */
	Optional<Texts> edited(long campaignId, String language) {
		return this.jdbc
			.sql("select social, sms, subject, body from toolkit_share_messages where campaign_id = ? "
					+ "and lang = ?")
			.params(campaignId, language)
			.query((rs, n) -> new Texts(rs.getString("social"), rs.getString("sms"), rs.getString("subject"),
					rs.getString("body")))
			.optional();
	}

	/** The messages the site offers until a leader edits them. */
	Texts defaults(CampaignFacts.Facts facts, Locale language) {
		Object[] args = { facts.agency(), facts.place(), facts.stateName() };
		return new Texts(this.messages.getMessage("toolkit.message.social", args, language),
				this.messages.getMessage("toolkit.message.text", args, language),
				this.messages.getMessage("toolkit.message.subject", args, language),
				this.messages.getMessage("toolkit.message.body", args, language));
	}

	/**
	 * Saves checked messages (again: the same answer), audited in the same transaction.
	 */
	@Transactional
	void save(String actor, long campaignId, String language, Texts texts) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int updated = update(actor, campaignId, language, texts, now);
		if (updated == 0) {
			try {
				this.jdbc.sql("""
						insert into toolkit_share_messages (campaign_id, lang, social, sms, subject, body, updated_by,
						updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(campaignId, language, texts.social(), texts.sms(), texts.subject(), texts.body(), actor,
							now)
					.update();
			}
			catch (DuplicateKeyException raced) {
				update(actor, campaignId, language, texts, now);
			}
		}
		this.audit.record(actor, "toolkit.share-messages", Long.toString(campaignId), "language=" + language);
		this.read.remove(campaignId + ":" + language);
	}

	private int update(String actor, long campaignId, String language, Texts texts, OffsetDateTime now) {
		return this.jdbc.sql("""
				update toolkit_share_messages set social = ?, sms = ?, subject = ?, body = ?, updated_by = ?,
				updated_at = ? where campaign_id = ? and lang = ?""")
			.params(texts.social(), texts.sms(), texts.subject(), texts.body(), actor, now, campaignId, language)
			.update();
	}

	/** Back to the site's defaults in a language. */
	@Transactional
	void reset(String actor, long campaignId, String language) {
		this.jdbc.sql("delete from toolkit_share_messages where campaign_id = ? and lang = ?")
			.params(campaignId, language)
			.update();
		this.audit.record(actor, "toolkit.share-messages", Long.toString(campaignId),
				"language=" + language + " defaults");
		this.read.remove(campaignId + ":" + language);
	}

}
