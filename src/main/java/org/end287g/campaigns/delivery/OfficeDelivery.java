package org.end287g.campaigns.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.end287g.SiteAddress;
import org.end287g.accounts.AccountDirectory;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.campaigns.targets.CampaignTargets;
import org.end287g.notifications.Mail;
import org.end287g.notifications.Outbox;
import org.end287g.privacy.SignedLinks;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The packet mailed to a target's published office address through the outbox, with a
 * copy to the leader who sends it: the message links the packet's PDF by a signed link
 * that expires ({@value #LINK_DAYS} days), since the outbox attaches text files only.
 * Once per target and campaign unless the leader confirms sending it again; each sending
 * is stored and audited.
 */
@Component
class OfficeDelivery {

	static final String PACKET_LINK = "delivery-packet";

	static final int LINK_DAYS = 60;

	/** The office key of the head staff typed on the campaign (not in the directory). */
	static final long TYPED_HEAD = 0;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final SignedLinks links;

	private final SiteAddress site;

	private final AccountDirectory directory;

	private final SignatureCounts counts;

	private final AuditLog audit;

	OfficeDelivery(JdbcClient jdbc, Outbox outbox, SignedLinks links, SiteAddress site, AccountDirectory directory,
			SignatureCounts counts, AuditLog audit) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.links = links;
		this.site = site;
		this.directory = directory;
		this.counts = counts;
		this.audit = audit;
	}

	/** What happened to a request to send. */
	enum Sending {

		SENT, ALREADY_SENT

	}

	/** The key of a target: its office in the directory, else {@link #TYPED_HEAD}. */
	static long key(CampaignTargets.Target target) {
		return (target.officeId() != null) ? target.officeId() : TYPED_HEAD;
	}

	/** Whether the packet can be mailed to this target: a valid published address. */
	static boolean mailable(CampaignTargets.Target target) {
		return target.email() != null && target.mailto() != null;
	}

	/** When the packet was last mailed to each target (by key) of the campaign. */
	Map<Long, OffsetDateTime> lastSent(long campaignId) {
		Map<Long, OffsetDateTime> sent = new HashMap<>();
		this.jdbc
			.sql("select office_id, max(sent_at) from campaign_packet_mails where campaign_id = ? group by office_id")
			.param(campaignId)
			.query((RowCallbackHandler) (rs) -> sent.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)));
		return sent;
	}

	/**
	 * Queues the packet's mail to the target's office and the copy to the sender (or,
	 * when staff send it, to the campaign's leaders), unless it was sent before and the
	 * sender did not confirm sending again.
	 */
	@Transactional
	Sending send(String actor, Campaign campaign, CampaignTargets.Target target, boolean again) {
		// one sending at a time per campaign: a double click cannot send twice
		this.jdbc.sql("select id from campaigns where id = ? for update").param(campaign.id()).query(Long.class).list();
		long office = key(target);
		boolean before = this.jdbc
			.sql("select count(*) from campaign_packet_mails where campaign_id = ? and office_id = ?")
			.params(campaign.id(), office)
			.query(Long.class)
			.single() > 0;
		if (before && !again) {
			return Sending.ALREADY_SENT;
		}
		String email = target.email();
		if (email == null) {
			throw new IllegalArgumentException("The target has no office address");
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String token = this.links.sign(PACKET_LINK, campaign.id() + ":" + office, Duration.ofDays(LINK_DAYS));
		String link = UriComponentsBuilder.fromUriString(this.site.link("/campaigns/{slug}/packet.pdf"))
			.queryParam("token", "{token}")
			.buildAndExpand(campaign.slug(), token)
			.encode()
			.toUriString();
		String addressee = (target.title() != null) ? target.title() + " " + target.name() : target.name();
		long signatures = this.counts.count(campaign.id());
		String until = now.plusDays(LINK_DAYS).toLocalDate().toString();
		Map<String, Object> model = Map.of("addressee", addressee, "campaign", campaign.title(), "count", signatures,
				"link", link, "until", until, "page", this.site.link("/campaigns/" + campaign.slug()), "copyTo", "",
				"subjectArgs", List.of(campaign.title(), signatures));
		this.outbox.enqueue(Mail.transactional(email, Locale.ENGLISH, "packet-to-office", model));
		List<AccountDirectory.Recipient> leaders = this.directory.leadersOf(campaign.id());
		List<AccountDirectory.Recipient> copies = leaders.stream()
			.filter((r) -> r.accountId().equals(actor))
			.findFirst()
			.map(List::of)
			.orElse(leaders);
		for (AccountDirectory.Recipient leader : copies) {
			Map<String, Object> copy = new HashMap<>(model);
			copy.put("copyTo", target.name() + " <" + email + ">");
			this.outbox.enqueue(Mail.transactional(leader.email(), leader.language(), "packet-to-office", copy));
		}
		this.jdbc.sql("""
				insert into campaign_packet_mails (campaign_id, office_id, sent_to, sent_by, sent_at)
				values (?, ?, ?, ?, ?)""").params(campaign.id(), office, email, actor, now).update();
		this.audit.record(actor, "campaign.packet.mailed", "campaign:" + campaign.id(),
				"office=" + office + " copies=" + copies.size() + (before ? " again" : ""));
		return Sending.SENT;
	}

	/** The campaign and office a packet link names, when genuine and unexpired. */
	Optional<long[]> verify(String token) {
		return this.links.verify(PACKET_LINK, token).flatMap((payload) -> {
			String[] parts = payload.split(":");
			try {
				return (parts.length == 2)
						? Optional.of(new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) })
						: Optional.empty();
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		});
	}

}
