package org.end287g.campaigns.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.accounts.Permissions;
import org.end287g.audit.AuditLog;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.TrackerReader;
import org.end287g.validation.ShownBack;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery of a petition, for the campaign's leaders (and staff): the packet to hand
 * over (PDF or CSV), the record of the delivery with an optional photo, and the outcome
 * they propose. Anyone else gets the same 404 as for a campaign that does not exist.
 */
@Controller
class DeliveryController {

	private final Campaigns campaigns;

	private final Permissions permissions;

	private final Signers signers;

	private final SignatureCounts counts;

	private final DeliveryPacket packet;

	private final Deliveries deliveries;

	private final AuditLog audit;

	private final TrackerReader tracker;

	private final Places places;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	DeliveryController(Campaigns campaigns, Permissions permissions, Signers signers, SignatureCounts counts,
			DeliveryPacket packet, Deliveries deliveries, AuditLog audit, TrackerReader tracker, Places places,
			MessageSource messages, JdbcClient jdbc, TransactionTemplate transactions) {
		this.campaigns = campaigns;
		this.permissions = permissions;
		this.signers = signers;
		this.counts = counts;
		this.packet = packet;
		this.deliveries = deliveries;
		this.audit = audit;
		this.tracker = tracker;
		this.places = places;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@GetMapping("/leader/campaigns/{id}/delivery.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(defaultValue = "false") boolean comments,
			Authentication authentication, Locale locale) {
		Campaign campaign = allowed(id, authentication);
		DeliveryPacket.Contents contents = contents(campaign, comments, locale);
		byte[] pdf = this.packet.pdf(contents);
		exported(authentication, campaign, "delivery.pdf", contents);
		return download(pdf, MediaType.APPLICATION_PDF, campaign.slug() + ".pdf");
	}

	@GetMapping("/leader/campaigns/{id}/delivery.csv")
	ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(defaultValue = "false") boolean comments,
			Authentication authentication, Locale locale) {
		Campaign campaign = allowed(id, authentication);
		DeliveryPacket.Contents contents = contents(campaign, comments, locale);
		byte[] csv = this.packet.csv(contents);
		exported(authentication, campaign, "delivery.csv", contents);
		return download(csv, new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				campaign.slug() + ".csv");
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

	DeliveryPacket.Contents contents(Campaign campaign, boolean comments, Locale requested) {
		Locale language;
		String petition;
		AgencyView agency = this.tracker.agency(campaign.agencySlug()).map(AgencyProfile::agency).orElse(null);
		String name = (agency != null) ? agency.name() : campaign.title();
		if (campaign.petitionText() != null && !campaign.petitionText().isBlank()) {
			language = Locale
				.forLanguageTag((campaign.petitionLanguage() != null) ? campaign.petitionLanguage() : "en");
			petition = campaign.petitionText();
		}
		else {
			language = "es".equals(requested.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
			String stateName = this.places.state(campaign.state()).map(State::name).orElse(campaign.state());
			String county = (agency != null && agency.county() != null) ? agency.county().name() : stateName;
			petition = this.messages.getMessage("campaigns.petition.text", new Object[] { name, county, stateName },
					language);
		}
		return new DeliveryPacket.Contents(campaign, name, petition, this.counts.count(campaign.id()),
				this.signers.valid(campaign.id(), comments), comments, language);
	}

	@GetMapping("/leader/campaigns/{id}/delivery")
	String page(@PathVariable String id, Authentication authentication, Model model) {
		Campaign campaign = allowed(id, authentication);
		return page(model, campaign);
	}

	@PostMapping("/leader/campaigns/{id}/delivery")
	String record(@PathVariable String id, @ModelAttribute("deliveryForm") @Valid Deliveries.DeliveryForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		Campaign campaign = allowed(id, authentication);
		LocalDate date = form.day(result);
		Photos.Photo clean = form.cleanPhoto(result);
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return page(model, campaign);
		}
		this.deliveries.record(campaign.id(), date, form.place(), given(form.receivedBy()), given(form.notes()), clean,
				authentication.getName());
		redirect.addFlashAttribute("notice", "delivery.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "/delivery";
	}

	@PostMapping("/leader/campaigns/{id}/outcome")
	String propose(@PathVariable String id, @ModelAttribute("proposalForm") @Valid Deliveries.ProposalForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Campaign campaign = allowed(id, authentication);
		if (!result.hasErrors() && !campaign.gathering()) {
			result.rejectValue("outcome", "staff.close.closed");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return page(model, campaign);
		}
		this.deliveries.propose(campaign.id(), form.outcome(), given(form.note()), authentication.getName());
		redirect.addFlashAttribute("notice", "delivery.outcome.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "/delivery";
	}

	private static String given(String value) {
		return value.isEmpty() ? null : value;
	}

	/** The delivery page, with its forms empty unless typed. */
	private String page(Model model, Campaign campaign) {
		model.addAttribute("record", campaign);
		model.addAttribute("signatures", this.counts.count(campaign.id()));
		model.addAttribute("deliveries", this.deliveries.of(campaign.id()));
		model.addAttribute("proposal",
				this.jdbc.sql("select proposed_outcome from campaigns where id = ? and proposed_outcome is not null")
					.param(campaign.id())
					.query(String.class)
					.optional()
					.orElse(null));
		model.addAttribute("proposals", List.of("ONGOING", "WON", "LOST"));
		if (!model.containsAttribute("deliveryForm")) {
			model.addAttribute("deliveryForm",
					new Deliveries.DeliveryForm(LocalDate.now(ZoneOffset.UTC).toString(), "", "", "", null));
		}
		if (!model.containsAttribute("proposalForm")) {
			model.addAttribute("proposalForm", new Deliveries.ProposalForm("", ""));
		}
		return "campaigns/delivery";
	}

	/** The campaign, when the signed-in person leads it or is staff; else a 404. */
	private Campaign allowed(String id, Authentication authentication) {
		long campaignId;
		try {
			campaignId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new CampaignNotFound();
		}
		if (!(this.permissions.leads(authentication, campaignId) || this.permissions.isAdmin(authentication))) {
			throw new CampaignNotFound();
		}
		return this.campaigns.byId(campaignId).orElseThrow(CampaignNotFound::new);
	}

	@GetMapping("/campaigns/{slug}/deliveries/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable String slug, @PathVariable String id) {
		Campaign campaign = this.campaigns.find(slug).orElseThrow(CampaignNotFound::new);
		long deliveryId;
		try {
			deliveryId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new CampaignNotFound();
		}
		Deliveries.StoredPhoto photo = this.deliveries.photo(campaign.id(), deliveryId)
			.orElseThrow(CampaignNotFound::new);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.type()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
			.body(photo.bytes());
	}

}
