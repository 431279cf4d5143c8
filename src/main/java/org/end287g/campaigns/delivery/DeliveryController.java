package org.end287g.campaigns.delivery;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.LedCampaigns;
import org.end287g.campaigns.signing.SignatureCounts;
import org.end287g.campaigns.targets.CampaignTargets;
import org.end287g.problems.Problem;
import org.end287g.validation.ShownBack;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery page of a petition, for the campaign's leaders (and staff): the record of
 * the delivery with an optional photo, and the outcome they propose; also the photo on
 * the public page. The packet itself is {@link DeliveryPacketController}'s.
 */
@Controller
class DeliveryController {

	private final Campaigns campaigns;

	private final LedCampaigns access;

	private final SignatureCounts counts;

	private final Deliveries deliveries;

	private final CampaignTargets targets;

	private final OfficeDelivery office;

	private final Responses responses;

	DeliveryController(Campaigns campaigns, LedCampaigns access, SignatureCounts counts, Deliveries deliveries,
			CampaignTargets targets, OfficeDelivery office, Responses responses) {
		this.campaigns = campaigns;
		this.access = access;
		this.counts = counts;
		this.deliveries = deliveries;
		this.targets = targets;
		this.office = office;
		this.responses = responses;
	}

	/**
	 * A target on the delivery page: its key (the office id, 0 for the head staff typed),
	 * whether the packet can be mailed to it, and when it last was.
	 */
	record OfficeTarget(String key, String name, @Nullable String office, @Nullable String email, boolean mailable,
			@Nullable LocalDate lastSent) {
	}

	@GetMapping("/leader/campaigns/{id}/delivery")
	String page(@PathVariable String id, Authentication authentication, Model model) {
		Campaign campaign = this.access.allowed(authentication, id);
		return page(model, campaign);
	}

	@PostMapping("/leader/campaigns/{id}/delivery")
	String record(@PathVariable String id, @ModelAttribute("deliveryForm") @Valid Deliveries.DeliveryForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		Campaign campaign = this.access.allowed(authentication, id);
		LocalDate date = form.day(result);
		Photos.Photo clean = form.cleanPhoto(result);
		if (date == null || result.hasErrors()) {
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
		Campaign campaign = this.access.allowed(authentication, id);
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

	@PostMapping("/leader/campaigns/{id}/delivery/send")
	String send(@PathVariable String id, @RequestParam(required = false, defaultValue = "") String office,
			@RequestParam(required = false, defaultValue = "false") String again, Authentication authentication,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Campaign campaign = this.access.allowed(authentication, id);
		CampaignTargets.Target target = target(campaign, office);
		String error = null;
		if (target == null || !OfficeDelivery.mailable(target)) {
			error = "delivery.send.error.target";
		}
		else if (this.office.send(authentication.getName(), campaign, target,
				"true".equals(again)) == OfficeDelivery.Sending.ALREADY_SENT) {
			error = "delivery.send.error.already";
			model.addAttribute("confirmAgain", Long.toString(OfficeDelivery.key(target)));
		}
		if (error != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("sendError", error);
			return page(model, campaign);
		}
		redirect.addFlashAttribute("notice", "delivery.send.sent");
		return "redirect:/leader/campaigns/" + campaign.id() + "/delivery#send";
	}

	@PostMapping("/leader/campaigns/{id}/response")
	String respond(@PathVariable String id, @ModelAttribute("responseForm") @Valid Responses.ResponseForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Campaign campaign = this.access.allowed(authentication, id);
		LocalDate day = Deliveries.day(form.respondedOn(), "respondedOn", result);
		CampaignTargets.Target target = null;
		if (!result.hasFieldErrors("target")) {
			target = target(campaign, form.target());
			if (target == null) {
				result.rejectValue("target", "staff.error.choice");
			}
		}
		if (!result.hasFieldErrors("body") && this.responses.recorded(campaign.id(), form.body())) {
			result.rejectValue("body", "delivery.response.error.duplicate");
		}
		int sent = -1;
		if (day != null && target != null && !result.hasErrors()) {
			try {
				sent = this.responses.publish(authentication.getName(), campaign, OfficeDelivery.key(target),
						target.name(), day, form.source(), given(form.sourceUrl()), form.body(), given(form.bodyEs()));
			}
			catch (Responses.AlreadyRecorded ex) {
				result.rejectValue("body", "delivery.response.error.duplicate");
			}
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
			return page(model, campaign);
		}
		redirect.addFlashAttribute("notice", "delivery.response.saved");
		redirect.addFlashAttribute("noticeCount", sent);
		return "redirect:/leader/campaigns/" + campaign.id() + "/delivery#response";
	}

	/** The campaign's target with this key, or null. */
	private CampaignTargets.@Nullable Target target(Campaign campaign, String key) {
		return this.targets.of(campaign, campaign.title(), LocaleContextHolder.getLocale(), false)
			.stream()
			.filter((t) -> Long.toString(OfficeDelivery.key(t)).equals(key))
			.findFirst()
			.orElse(null);
	}

	private static @Nullable String given(String value) {
		return value.isEmpty() ? null : value;
	}

	/** The delivery page, with its forms empty unless typed. */
	private String page(Model model, Campaign campaign) {
		model.addAttribute("record", campaign);
		model.addAttribute("signatures", this.counts.count(campaign.id()));
		model.addAttribute("deliveries", this.deliveries.of(campaign.id()));
		model.addAttribute("proposal", this.deliveries.proposal(campaign.id()).orElse(null));
		model.addAttribute("proposals", List.of("ONGOING", "WON", "LOST"));
		if (!model.containsAttribute("deliveryForm")) {
			model.addAttribute("deliveryForm",
					new Deliveries.DeliveryForm(LocalDate.now(ZoneOffset.UTC).toString(), "", "", "", null));
		}
		if (!model.containsAttribute("proposalForm")) {
			model.addAttribute("proposalForm", new Deliveries.ProposalForm("", ""));
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<Long, OffsetDateTime> sent = this.office.lastSent(campaign.id());
		List<OfficeTarget> offices = this.targets.of(campaign, campaign.title(), locale, false).stream().map((t) -> {
			OffsetDateTime last = sent.get(OfficeDelivery.key(t));
			return new OfficeTarget(Long.toString(OfficeDelivery.key(t)), t.name(), t.office(), t.email(),
					OfficeDelivery.mailable(t), (last != null) ? last.toLocalDate() : null);
		}).toList();
		model.addAttribute("officeTargets", offices);
		model.addAttribute("responses", this.responses.of(campaign.id()));
		model.addAttribute("responseSources", Responses.SOURCES);
		if (!model.containsAttribute("responseForm")) {
			model.addAttribute("responseForm", new Responses.ResponseForm(offices.isEmpty() ? "" : offices.get(0).key(),
					LocalDate.now(ZoneOffset.UTC).toString(), "", "", "", ""));
		}
		return "campaigns/delivery";
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
