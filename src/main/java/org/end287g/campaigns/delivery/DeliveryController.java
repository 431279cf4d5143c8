package org.end287g.campaigns.delivery;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.lifecycle.CampaignLifecycle;
import org.end287g.campaigns.pages.Fields;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.places.Places;
import org.end287g.places.State;
import org.end287g.problems.Problem;
import org.end287g.tracker.AgencyProfile;
import org.end287g.tracker.AgencyView;
import org.end287g.tracker.TrackerReader;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery page of a petition, for the campaign's leaders (and staff): the record of
 * the delivery with an optional photo, and the outcome they propose; also the photo on
 * the public page. The packet itself is {@link DeliveryPacketController}'s.
 */
@Controller
class DeliveryController {

	static final Set<String> PROPOSALS = Set.of("WON", "LOST", "ONGOING");

	private final Campaigns campaigns;

	private final DeliveryAccess access;

	private final SignatureCounts counts;

	private final Deliveries deliveries;

	DeliveryController(Campaigns campaigns, DeliveryAccess access, SignatureCounts counts, Deliveries deliveries) {
		this.campaigns = campaigns;
		this.access = access;
		this.counts = counts;
		this.deliveries = deliveries;
	}

	@GetMapping("/leader/campaigns/{id}/delivery")
	String page(@PathVariable String id, Authentication authentication, Model model) {
		Campaign campaign = this.access.allowed(id, authentication);
		fill(model, campaign);
		model.addAttribute("errors", Map.of());
		model.addAttribute("outcomeErrors", Map.of());
		return "campaigns/delivery";
	}

	@PostMapping("/leader/campaigns/{id}/delivery")
	String record(@PathVariable String id, @RequestParam(required = false) String deliveredOn,
			@RequestParam(required = false) String place, @RequestParam(required = false) String receivedBy,
			@RequestParam(required = false) String notes, @RequestParam(required = false) MultipartFile photo,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
		Campaign campaign = this.access.allowed(id, authentication);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate date = date(deliveredOn, errors);
		String checkedPlace = Fields.text("place", place, 300, true, false, errors);
		String checkedReceiver = Fields.text("receivedBy", receivedBy, 300, false, false, errors);
		String checkedNotes = Fields.text("notes", notes, 5000, false, true, errors);
		Photos.Photo clean = null;
		if (photo != null && !photo.isEmpty()) {
			try {
				if (photo.getSize() > Photos.MAX_BYTES) {
					throw new Photos.Rejected("delivery.error.photo.size");
				}
				clean = Photos.clean(photo.getBytes());
			}
			catch (Photos.Rejected rejected) {
				errors.put("photo", rejected.key());
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			fill(model, campaign);
			model.addAttribute("errors", errors);
			model.addAttribute("outcomeErrors", Map.of());
			model.addAttribute("form", new Form(deliveredOn, place, receivedBy, notes));
			return "campaigns/delivery";
		}
		this.deliveries.record(campaign.id(), date, checkedPlace, checkedReceiver, checkedNotes, clean,
				authentication.getName());
		redirect.addFlashAttribute("notice", "delivery.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "/delivery";
	}

	@PostMapping("/leader/campaigns/{id}/outcome")
	String propose(@PathVariable String id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Campaign campaign = this.access.allowed(id, authentication);
		Map<String, String> errors = new LinkedHashMap<>();
		if (outcome == null || !PROPOSALS.contains(outcome)) {
			errors.put("outcome", "staff.error.choice");
		}
		String checked = Fields.text("outcomeNote", note, CampaignLifecycle.MAX_NOTE, false, true, errors);
		if (errors.isEmpty() && !campaign.gathering()) {
			errors.put("outcome", "staff.close.closed");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			fill(model, campaign);
			model.addAttribute("errors", Map.of());
			model.addAttribute("outcomeErrors", errors);
			model.addAttribute("outcomeNote", note);
			return "campaigns/delivery";
		}
		this.deliveries.propose(campaign.id(), outcome, checked, authentication.getName());
		redirect.addFlashAttribute("notice", "delivery.outcome.saved");
		return "redirect:/leader/campaigns/" + campaign.id() + "/delivery";
	}

	/** What the leader typed, shown again with the errors. */
	record Form(String deliveredOn, String place, String receivedBy, String notes) {
	}

	private static LocalDate date(String value, Map<String, String> errors) {
		String trimmed = Fields.trimmed(value);
		if (trimmed == null) {
			errors.put("deliveredOn", "staff.error.required");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(trimmed);
			// the day is already today somewhere: the latest time zone (UTC+14) decides
			if (date.isAfter(LocalDate.now(ZoneOffset.ofHours(14)))) {
				errors.put("deliveredOn", "delivery.error.future");
			}
			else if (date.isBefore(LocalDate.of(2000, 1, 1))) {
				errors.put("deliveredOn", "delivery.error.date");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.put("deliveredOn", "delivery.error.date");
			return null;
		}
	}

	private void fill(Model model, Campaign campaign) {
		model.addAttribute("record", campaign);
		model.addAttribute("signatures", this.counts.count(campaign.id()));
		model.addAttribute("deliveries", this.deliveries.of(campaign.id()));
		model.addAttribute("proposal", this.deliveries.proposal(campaign.id()).orElse(null));
		model.addAttribute("proposals", List.of("ONGOING", "WON", "LOST"));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Form(LocalDate.now(ZoneOffset.UTC).toString(), null, null, null));
		}
	}

	@GetMapping("/campaigns/{slug}/deliveries/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable String slug, @PathVariable String id) {
		Campaign campaign = this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
		long deliveryId;
		try {
			deliveryId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw Problem.notFound("campaigns.error.unknown");
		}
		Deliveries.StoredPhoto photo = this.deliveries.photo(campaign.id(), deliveryId)
			.orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.type()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
			.body(photo.bytes());
	}

}
