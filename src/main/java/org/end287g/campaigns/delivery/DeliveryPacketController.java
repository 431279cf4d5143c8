package org.end287g.campaigns.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.LedCampaigns;
import org.end287g.problems.Problem;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The packet leaders (and staff) hand over, as PDF or CSV. It holds signers' names, so
 * every download is audited as an export of personal data. The target's office gets it
 * through the signed link of {@link OfficeDelivery}'s mail.
 */
@Controller
class DeliveryPacketController {

	private final LedCampaigns access;

	private final PacketContents contents;

	private final DeliveryPacket packet;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Campaigns campaigns;

	private final OfficeDelivery office;

	DeliveryPacketController(LedCampaigns access, PacketContents contents, DeliveryPacket packet, AuditLog audit,
			TransactionTemplate transactions, Campaigns campaigns, OfficeDelivery office) {
		this.campaigns = campaigns;
		this.office = office;
		this.access = access;
		this.contents = contents;
		this.packet = packet;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping("/leader/campaigns/{id}/delivery.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(defaultValue = "false") boolean comments,
			Authentication authentication, Locale locale) {
		Campaign campaign = this.access.allowed(authentication, id);
		DeliveryPacket.Contents contents = this.contents.of(campaign, comments, locale);
		byte[] pdf = this.packet.pdf(contents);
		exported(authentication, campaign, "delivery.pdf", contents);
		return download(pdf, MediaType.APPLICATION_PDF, campaign.slug() + ".pdf");
	}

	@GetMapping("/leader/campaigns/{id}/delivery.csv")
	ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(defaultValue = "false") boolean comments,
			Authentication authentication, Locale locale) {
		Campaign campaign = this.access.allowed(authentication, id);
		DeliveryPacket.Contents contents = this.contents.of(campaign, comments, locale);
		byte[] csv = this.packet.csv(contents);
		exported(authentication, campaign, "delivery.csv", contents);
		return download(csv, new MediaType("text", "csv", StandardCharsets.UTF_8), campaign.slug() + ".csv");
	}

	/**
	 * The packet's PDF through the signed link mailed to a target's office: for that
	 * campaign only, until the link expires; audited like the leaders' downloads.
	 */
	@GetMapping("/campaigns/{slug}/packet.pdf")
	ResponseEntity<byte[]> mailed(@PathVariable String slug, @RequestParam(required = false) String token) {
		long[] link = this.office.verify(token).orElseThrow(() -> Problem.notFound("delivery.send.error.link"));
		Campaign campaign = this.campaigns.find(slug)
			.filter((c) -> c.id() == link[0])
			.orElseThrow(() -> Problem.notFound("delivery.send.error.link"));
		DeliveryPacket.Contents contents = this.contents.of(campaign, false, Locale.ENGLISH);
		byte[] pdf = this.packet.pdf(contents);
		this.transactions
			.executeWithoutResult((status) -> this.audit.record("office:" + link[1], "personal-data.export",
					"campaign:" + campaign.id(), "delivery.pdf mailed-link signers=" + contents.signers().size()));
		return download(pdf, MediaType.APPLICATION_PDF, campaign.slug() + ".pdf");
	}

	private void exported(Authentication authentication, Campaign campaign, String what,
			DeliveryPacket.Contents contents) {
		this.transactions.executeWithoutResult((status) -> this.audit.record(authentication.getName(),
				"personal-data.export", "campaign:" + campaign.id(),
				what + " signers=" + contents.signers().size() + " comments=" + contents.comments()));
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

}
