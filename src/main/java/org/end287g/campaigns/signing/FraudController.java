package org.end287g.campaigns.signing;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.end287g.campaigns.Campaign;
import org.end287g.campaigns.Campaigns;
import org.end287g.problems.Problem;
import org.end287g.validation.PlainText;
import org.end287g.validation.ShownBack;
import org.end287g.validation.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	private final Campaigns campaigns;

	private final SignatureChecks checks;

	FraudController(Campaigns campaigns, SignatureChecks checks) {
		this.campaigns = campaigns;
		this.checks = checks;
	}

	/** The window of the burst report, in UTC; the last 24 hours when not given. */
	record Window(String from, String to) {

		Window {
			from = TypedText.line(from);
			to = TypedText.line(to);
		}

	}

	/**
	 * What staff typed into the invalidation form, and the counts its preview showed (for
	 * the confirmation).
	 */
	record CriteriaForm(
			@PlainText(max = 253, tooLong = "{staff.error.tooLong.253}",
					message = "{staff.error.control}") String domain,
			@PlainText(max = 64, pattern = "[A-Za-z0-9+/=_-]{8,64}", tooLong = "{staff.error.tooLong.64}",
					message = "{fraud.error.client}") String client,
			String from, String to,
			@PlainText(max = 1000, multiline = true, tooLong = "{staff.error.tooLong.1000}",
					message = "{staff.error.control}") String reason,
			@Nullable String expectedConfirmed, @Nullable String expectedUnconfirmed) {

		CriteriaForm {
			domain = TypedText.line(domain);
			client = TypedText.line(client);
			from = TypedText.line(from);
			to = TypedText.line(to);
			reason = TypedText.lines(reason);
		}

		/** An empty form but for the domain or client a report carried over. */
		static CriteriaForm carried(@Nullable String domain, @Nullable String client) {
			return new CriteriaForm(TypedText.line(domain), TypedText.line(client), "", "", "", null, null);
		}

		/** The signatures the form names: at least one criterion, a window in order. */
		SignatureChecks.Criteria criteria(Errors errors) {
			String domainName = this.domain.toLowerCase(Locale.ROOT);
			domainName = domainName.startsWith("@") ? domainName.substring(1) : domainName;
			if (!domainName.isEmpty() && !errors.hasFieldErrors("domain") && !DOMAIN.matcher(domainName).matches()) {
				errors.rejectValue("domain", "fraud.error.domain");
			}
			OffsetDateTime since = time("from", this.from, errors);
			OffsetDateTime until = time("to", this.to, errors);
			if (since != null && until != null && !since.isBefore(until)) {
				errors.rejectValue("to", "fraud.error.range");
			}
			if (!errors.hasErrors() && domainName.isEmpty() && this.client.isEmpty() && since == null
					&& until == null) {
				errors.rejectValue("domain", "fraud.error.criteria");
			}
			return new SignatureChecks.Criteria(given(domainName), given(this.client), since, until,
					given(this.reason));
		}

		/** A count the preview showed; an error on the form when it is not one. */
		long expected(@Nullable String count, Errors errors) {
			try {
				long n = Long.parseLong(String.valueOf(count));
				if (n >= 0) {
					return n;
				}
			}
			catch (NumberFormatException ex) {
				// below
			}
			if (!errors.hasFieldErrors("domain")) {
				errors.rejectValue("domain", "fraud.error.preview");
			}
			return -1;
		}

		private static @Nullable String given(String value) {
			return value.isEmpty() ? null : value;
		}

	}

	@GetMapping("/admin/campaigns/{slug}/signatures")
	String page(@PathVariable String slug, @ModelAttribute("window") Window window, BindingResult result,
			@RequestParam(required = false) @Nullable String client,
			@RequestParam(required = false) @Nullable String domain, Model model, HttpServletResponse response) {
		Campaign campaign = find(slug);
		OffsetDateTime windowTo = time("to", window.to(), result);
		OffsetDateTime windowFrom = time("from", window.from(), result);
		if (windowTo == null) {
			windowTo = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		}
		if (windowFrom == null || !windowFrom.isBefore(windowTo)) {
			windowFrom = windowTo.minusHours(24);
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			ShownBack.into(model, result);
		}
		// the burst report's most frequent client or domain, carried into the form
		model.addAttribute("form", ShownBack.of(CriteriaForm.carried(domain, client)));
		return page(model, campaign, windowFrom, windowTo);
	}

	@PostMapping("/admin/campaigns/{slug}/signatures/preview")
	String preview(@PathVariable String slug, @ModelAttribute("form") @Valid CriteriaForm form, BindingResult result,
			Model model, HttpServletResponse response) {
		Campaign campaign = find(slug);
		SignatureChecks.Criteria criteria = form.criteria(result);
		if (result.hasErrors()) {
			return withErrors(model, campaign, result, response);
		}
		model.addAttribute("preview", this.checks.preview(campaign.id(), criteria));
		return page(model, campaign);
	}

	@PostMapping("/admin/campaigns/{slug}/signatures/invalidate")
	String invalidate(@PathVariable String slug, @ModelAttribute("form") @Valid CriteriaForm form, BindingResult result,
			Authentication authentication, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Campaign campaign = find(slug);
		SignatureChecks.Criteria criteria = form.criteria(result);
		long confirmed = form.expected(form.expectedConfirmed(), result);
		long unconfirmed = form.expected(form.expectedUnconfirmed(), result);
		if (result.hasErrors()) {
			return withErrors(model, campaign, result, response);
		}
		SignatureChecks.Invalidated done = this.checks.invalidate(campaign.id(), criteria, confirmed, unconfirmed,
				authentication.getName());
		if (!done.done()) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("preview", done.now());
			model.addAttribute("stale", true);
			return page(model, campaign);
		}
		redirect.addFlashAttribute("notice", "fraud.invalidated");
		redirect.addFlashAttribute("invalidatedConfirmed", done.now().confirmed());
		redirect.addFlashAttribute("invalidatedUnconfirmed", done.now().unconfirmed());
		return "redirect:/admin/campaigns/" + campaign.slug() + "/signatures";
	}

	@PostMapping("/admin/campaigns/{slug}/signatures/{id}/comment")
	String hide(@PathVariable String slug, @PathVariable String id,
			@RequestParam(required = false) @Nullable String hidden, Authentication authentication,
			RedirectAttributes redirect) {
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

	/** A time in UTC as {@code datetime-local} sends it; {@code null} for none or bad. */
	private static @Nullable OffsetDateTime time(String field, String value, Errors errors) {
		if (value.isEmpty()) {
			return null;
		}
		try {
			if (value.length() <= 19) {
				return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
			}
		}
		catch (DateTimeParseException ex) {
			// below
		}
		errors.rejectValue(field, "fraud.error.time");
		return null;
	}

	private Campaign find(String slug) {
		return this.campaigns.find(slug).orElseThrow(() -> Problem.notFound("campaigns.error.unknown"));
	}

	private String withErrors(Model model, Campaign campaign, BindingResult result, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		ShownBack.into(model, result);
		return page(model, campaign);
	}

	/** The page with the last 24 hours' bursts. */
	private String page(Model model, Campaign campaign) {
		OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
		return page(model, campaign, to.minusHours(24), to);
	}

	private String page(Model model, Campaign campaign, OffsetDateTime from, OffsetDateTime to) {
		model.addAttribute("record", campaign);
		model.addAttribute("bursts", this.checks.bursts(campaign.id(), from, to));
		model.addAttribute("comments", this.checks.comments(campaign.id()));
		model.addAttribute("burstFloor", SignatureChecks.BURST_FLOOR);
		model.addAttribute("burstFactor", SignatureChecks.BURST_FACTOR);
		if (!model.containsAttribute("window")) {
			model.addAttribute("window", new Window("", ""));
		}
		return "campaigns/admin/signatures";
	}

}
