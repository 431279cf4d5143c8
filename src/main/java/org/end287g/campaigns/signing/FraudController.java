package org.end287g.campaigns.signing;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.campaigns.pages.Fields;
import org.end287g.problems.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/campaigns/{slug}/signatures: bulk invalidation (preview, then confirm), the
 * burst report and comment moderation. Times are entered and shown in UTC.
 */
@Controller
class FraudController {

	private static final Pattern DOMAIN = Pattern
		.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

	private static final Pattern HASH = Pattern.compile("[A-Za-z0-9+/=_-]{8,64}");

	private final Campaigns campaigns;

	private final SignatureChecks checks;

	FraudController(Campaigns campaigns, SignatureChecks checks) {
		this.campaigns = campaigns;
		this.checks = checks;
	}

	@GetMapping("/admin/campaigns/{slug}/signatures")
	String page(@PathVariable String slug, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String client,
			@RequestParam(required = false) String domain, Model model, HttpServletResponse response) {
		Campaign campaign = find(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		OffsetDateTime windowTo = time("burstTo", to, errors);
		OffsetDateTime windowFrom = time("burstFrom", from, errors);
		if (windowTo == null) {
			windowTo = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		}
		if (windowFrom == null || !windowFrom.isBefore(windowTo)) {
			windowFrom = windowTo.minusHours(24);
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		fill(model, campaign, windowFrom, windowTo);
		model.addAttribute("burstErrors", errors);
		model.addAttribute("form", new Form(trimmed(domain), trimmed(client), null, null, null));
		return "campaigns/admin/signatures";
	}

	@PostMapping("/admin/campaigns/{slug}/signatures/preview")
	String preview(@PathVariable String slug, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String client, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String reason, Model model,
			HttpServletResponse response) {
		Campaign campaign = find(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		SignatureChecks.Criteria criteria = criteria(domain, client, from, to, reason, errors);
		fillDefault(model, campaign);
		model.addAttribute("form", new Form(domain, client, from, to, reason));
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", errors);
			return "campaigns/admin/signatures";
		}
		model.addAttribute("preview", this.checks.preview(campaign.id(), criteria));
		return "campaigns/admin/signatures";
	}

	@PostMapping("/admin/campaigns/{slug}/signatures/invalidate")
	String invalidate(@PathVariable String slug, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String client, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String expectedConfirmed,
			@RequestParam(required = false) String expectedUnconfirmed, Authentication authentication, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Campaign campaign = find(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		SignatureChecks.Criteria criteria = criteria(domain, client, from, to, reason, errors);
		long confirmed = number(expectedConfirmed, errors);
		long unconfirmed = number(expectedUnconfirmed, errors);
		fillDefault(model, campaign);
		model.addAttribute("form", new Form(domain, client, from, to, reason));
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", errors);
			return "campaigns/admin/signatures";
		}
		SignatureChecks.Invalidated result = this.checks.invalidate(campaign.id(), criteria, confirmed, unconfirmed,
				authentication.getName());
		if (!result.done()) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("preview", result.now());
			model.addAttribute("stale", true);
			return "campaigns/admin/signatures";
		}
		redirect.addFlashAttribute("notice", "fraud.invalidated");
		redirect.addFlashAttribute("invalidatedConfirmed", result.now().confirmed());
		redirect.addFlashAttribute("invalidatedUnconfirmed", result.now().unconfirmed());
		return "redirect:/admin/campaigns/" + campaign.slug() + "/signatures";
	}

	@PostMapping("/admin/campaigns/{slug}/signatures/{id}/comment")
	String hide(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) String hidden,
			Authentication authentication, RedirectAttributes redirect) {
		Campaign campaign = find(slug);
		long signature;
		try {
			signature = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw Problem.notFound("campaigns.error.unknown");
		}
		if (!this.checks.hide(campaign.id(), signature, "true".equals(hidden), authentication.getName())) {
			throw Problem.notFound("campaigns.error.unknown");
		}
		redirect.addFlashAttribute("notice", "true".equals(hidden) ? "fraud.comment.hidden" : "fraud.comment.shown");
		return "redirect:/admin/campaigns/" + campaign.slug() + "/signatures#comments";
	}

	/** What staff typed into the invalidation form. */
	record Form(String domain, String client, String from, String to, String reason) {
	}

	private SignatureChecks.Criteria criteria(String domain, String client, String from, String to, String reason,
			Map<String, String> errors) {
		String checkedDomain = Fields.text("domain", domain, 253, false, false, errors);
		if (checkedDomain != null && !errors.containsKey("domain")) {
			checkedDomain = checkedDomain.toLowerCase(Locale.ROOT);
			if (checkedDomain.startsWith("@")) {
				checkedDomain = checkedDomain.substring(1);
			}
			if (!DOMAIN.matcher(checkedDomain).matches()) {
				errors.put("domain", "fraud.error.domain");
			}
		}
		String checkedClient = Fields.text("client", client, 64, false, false, errors);
		if (checkedClient != null && !errors.containsKey("client") && !HASH.matcher(checkedClient).matches()) {
			errors.put("client", "fraud.error.client");
		}
		OffsetDateTime checkedFrom = time("from", from, errors);
		OffsetDateTime checkedTo = time("to", to, errors);
		if (checkedFrom != null && checkedTo != null && !checkedFrom.isBefore(checkedTo)) {
			errors.put("to", "fraud.error.range");
		}
		String checkedReason = Fields.text("reason", reason, 1000, false, true, errors);
		if (errors.isEmpty() && checkedDomain == null && checkedClient == null && checkedFrom == null
				&& checkedTo == null) {
			errors.put("domain", "fraud.error.criteria");
		}
		return new SignatureChecks.Criteria(checkedDomain, checkedClient, checkedFrom, checkedTo, checkedReason);
	}

	private static OffsetDateTime time(String field, String value, Map<String, String> errors) {
		String trimmed = trimmed(value);
		if (trimmed == null) {
			return null;
		}
		if (trimmed.length() > 19) {
			errors.put(field, "fraud.error.time");
			return null;
		}
		try {
			return LocalDateTime.parse(trimmed).atOffset(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "fraud.error.time");
			return null;
		}
	}

	private static long number(String value, Map<String, String> errors) {
		try {
			long n = Long.parseLong(String.valueOf(value));
			if (n >= 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		errors.put("domain", "fraud.error.preview");
		return -1;
	}

	private static String trimmed(String value) {
		String trimmed = Fields.trimmed(value);
		return (trimmed != null && trimmed.length() <= 300) ? trimmed : null;
	}

	private Campaign find(String slug) {
		return this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	private void fillDefault(Model model, Campaign campaign) {
		OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		fill(model, campaign, to.minusHours(24), to);
		model.addAttribute("burstErrors", Map.of());
	}

	private void fill(Model model, Campaign campaign, OffsetDateTime from, OffsetDateTime to) {
		model.addAttribute("record", campaign);
		model.addAttribute("bursts", this.checks.bursts(campaign.id(), from, to));
		model.addAttribute("comments", this.checks.comments(campaign.id()));
		model.addAttribute("burstFloor", SignatureChecks.BURST_FLOOR);
		model.addAttribute("burstFactor", SignatureChecks.BURST_FACTOR);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

}
