package org.end287g.campaigns.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.Pattern;
import org.end287g.SiteAddress;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.leaders.UpdateMail;
import org.end287g.notifications.Mail;
import org.end287g.validation.PlainText;
import org.end287g.validation.TypedText;
import org.end287g.validation.WebAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official's response, recorded by the campaign's leaders: the text as received
 * (usually English) with their optional Spanish translation, the day and the source. It
 * is published on the campaign page at once and mailed, in one transaction with the
 * record, to every signer who asked for updates ({@link UpdateMail}), in their language.
 * The same text twice for one campaign is refused.
 */
@Component
class Responses {

	static final int MAX_TEXT = 10_000;

	static final List<String> SOURCES = List.of("LETTER", "EMAIL", "MEETING", "STATEMENT");

	private final JdbcClient jdbc;

	private final UpdateMail mail;

	private final AuditLog audit;

	private final SiteAddress site;

	Responses(JdbcClient jdbc, UpdateMail mail, AuditLog audit, SiteAddress site) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.audit = audit;
		this.site = site;
	}

	/** A response as the pages show it. */
	record Response(long id, String officialName, LocalDate respondedOn, String source, @Nullable String sourceUrl,
			String body, @Nullable String bodyEs, int recipients) {

		/** The text in this language: the translation for Spanish when there is one. */
		public String text(Locale locale) {
			return (this.bodyEs != null && "es".equals(locale.getLanguage())) ? this.bodyEs : this.body;
		}

		/** Whether {@link #text} is the leaders' translation. */
		public boolean translated(Locale locale) {
			return this.bodyEs != null && "es".equals(locale.getLanguage());
		}

	}

	/** The response as the leader types it. */
	record ResponseForm(
			@PlainText(max = 20, required = "{staff.error.choice}", message = "{staff.error.choice}") String target,
			String respondedOn,
			@Pattern(regexp = "LETTER|EMAIL|MEETING|STATEMENT", message = "{staff.error.choice}") String source,
			@WebAddress(max = 500, tooLong = "{staff.error.tooLong.500}",
					message = "{staff.error.url}") String sourceUrl,
			@PlainText(max = MAX_TEXT, multiline = true, required = "{staff.error.required}",
					tooLong = "{delivery.response.error.long}", message = "{staff.error.control}") String body,
			@PlainText(max = MAX_TEXT, multiline = true, tooLong = "{delivery.response.error.long}",
					message = "{staff.error.control}") String bodyEs) {

		ResponseForm {
			target = TypedText.line(target);
			respondedOn = TypedText.line(respondedOn);
			source = TypedText.line(source);
			sourceUrl = TypedText.line(sourceUrl);
			body = TypedText.lines(body);
			bodyEs = TypedText.lines(bodyEs);
		}

	}

	/** The campaign already has a response with this text. */
	static final class AlreadyRecorded extends RuntimeException {

		AlreadyRecorded() {
			super("delivery.response.error.duplicate", null, false, false);
		}

	}

	/** Whether this campaign already has a response with this text. */
	boolean recorded(long campaignId, String body) {
		return this.jdbc.sql("select count(*) from campaign_responses where campaign_id = ? and body_digest = ?")
			.params(campaignId, digest(body))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Stores and publishes the response and queues its mail to the signers who asked for
	 * updates; returns how many get it.
	 * @throws AlreadyRecorded when the campaign already has this text (nothing stored)
	 */
	@Transactional
	int publish(String actor, Campaign campaign, long office, String officialName, LocalDate respondedOn, String source,
			@Nullable String sourceUrl, String body, @Nullable String bodyEs) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("""
					insert into campaign_responses (campaign_id, office_id, official_name, responded_on, source_kind,
					source_url, body, body_es, body_digest, recipients, recorded_by, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
				.params(campaign.id(), office, officialName, respondedOn, source)
				.param(sourceUrl)
				.param(body)
				.param(bodyEs)
				.params(digest(body), actor, OffsetDateTime.now(ZoneOffset.UTC))
				.update(key, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new AlreadyRecorded();
		}
		long id = Objects.requireNonNull(key.getKey(), "the insert returned no id").longValue();
		String link = this.site.link("/campaigns/" + campaign.slug() + "#response-" + id);
		int sent = this.mail.send(campaign.id(), (email, language) -> {
			boolean spanish = bodyEs != null && "es".equals(language.getLanguage());
			return new Mail(email, language, "campaign-response",
					Map.of("campaign", campaign.title(), "official", officialName, "day", respondedOn, "source", source,
							"body", spanish ? bodyEs : body, "translated", spanish, "original", body, "link", link,
							"subjectArgs", List.of(campaign.title(), officialName)),
					UpdateMail.CATEGORY);
		});
		this.jdbc.sql("update campaign_responses set recipients = ? where id = ?").params(sent, id).update();
		this.audit.record(actor, "campaign.response", "campaign:" + campaign.id(), "response=" + id + " office="
				+ office + " source=" + source + " " + ((sourceUrl != null) ? sourceUrl : "") + " recipients=" + sent);
		return sent;
	}

	/** The campaign's responses, newest first. */
	List<Response> of(long campaignId) {
		return this.jdbc.sql("""
				select id, official_name, responded_on, source_kind, source_url, body, body_es, recipients
				from campaign_responses where campaign_id = ? order by responded_on desc, id desc""")
			.param(campaignId)
			.query((rs, n) -> new Response(rs.getLong("id"), rs.getString("official_name"),
					rs.getObject("responded_on", LocalDate.class), rs.getString("source_kind"),
					rs.getString("source_url"), rs.getString("body"), rs.getString("body_es"), rs.getInt("recipients")))
			.list();
	}

	static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
